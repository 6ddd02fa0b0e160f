import { Injectable, OnModuleInit } from '@nestjs/common';
import { CloneContext, ConferenceCloneSteps } from '../conferences/conference-clone-steps';
import { newId } from '../common/ids';
import { AgendaItemSpeaker } from './agenda-item-speaker.entity';
import { AgendaItem } from './agenda-item.entity';

/**
 * A clone's agenda: every item moved by the clone's shift, at the copy of its bridge point, with
 * its speakers (the directory is shared), written by the module that owns it inside the clone's
 * transaction. Runs after the points are copied; fills `context.agendaItemIds` for the steps after it.
 */
@Injectable()
export class AgendaCopies implements OnModuleInit {
  constructor(private readonly steps: ConferenceCloneSteps) {}

  onModuleInit(): void {
    this.steps.register('agendaItems', (context) => this.copy(context), 20);
  }

  async copy({ manager: m, sourceId, copyId, shiftMs, pointIds, agendaItemIds }: CloneContext): Promise<number> {
    const items = await m.find(AgendaItem, { where: { conferenceId: sourceId } });
    for (const item of items) agendaItemIds.set(item.id, newId());
    const moved = (d: Date) => new Date(d.getTime() + shiftMs);
    const copies = items.map(({ createdAt: _c, updatedAt: _u, ...item }) => ({
      ...item,
      id: agendaItemIds.get(item.id)!,
      conferenceId: copyId,
      startsAt: moved(item.startsAt),
      endsAt: moved(item.endsAt),
      bridgePointId: item.bridgePointId ? (pointIds.get(item.bridgePointId) ?? null) : null,
      version: 1,
    }));
    for (let i = 0; i < copies.length; i += 200) await m.insert(AgendaItem, copies.slice(i, i + 200));
    if (items.length > 0) {
      const speakers = await m
        .createQueryBuilder(AgendaItemSpeaker, 's')
        .where('s.agendaItemId IN (:...ids)', { ids: items.map((i) => i.id) })
        .getMany();
      const speakerCopies = speakers.map((s) => ({ ...s, agendaItemId: agendaItemIds.get(s.agendaItemId)! }));
      for (let i = 0; i < speakerCopies.length; i += 200) await m.insert(AgendaItemSpeaker, speakerCopies.slice(i, i + 200));
    }
    return items.length;
  }
}
