import { Repository } from 'typeorm';
import { AgendaItem } from './agenda-item.entity';

/** An agenda item as the public link pages show it (times as ISO instants). */
export interface PublicAgendaItem {
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
}

/** The conference's programme for a public link page, in order of time. */
export async function publicAgenda(items: Repository<AgendaItem>, conferenceId: string): Promise<PublicAgendaItem[]> {
  const rows = await items.find({ where: { conferenceId }, order: { startsAt: 'ASC', position: 'ASC' } });
  return rows.map((i) => ({ title: i.title, kind: i.kind, startsAt: i.startsAt.toISOString(), endsAt: i.endsAt.toISOString() }));
}
