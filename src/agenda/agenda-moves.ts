import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { refusal } from '../common/errors';
import { ConferenceMove, ConferenceMoveSteps } from '../conferences/conference-move-steps';
import { AgendaItem } from './agenda-item.entity';

/**
 * The agenda follows its conference in time: when the start moves, every item moves by as much;
 * a new window that would leave an item outside it is refused (409 naming the item), so the
 * programme always fits the conference.
 */
@Injectable()
export class AgendaMoves implements OnModuleInit {
  constructor(private readonly steps: ConferenceMoveSteps) {}

  onModuleInit(): void {
    this.steps.register('agendaItems', (m, move) => this.follow(m, move));
  }

  async follow(m: EntityManager, { conferenceId, shiftMs, startsAt, endsAt }: ConferenceMove): Promise<void> {
    const items = await m.find(AgendaItem, { where: { conferenceId }, order: { startsAt: 'ASC' } });
    for (const item of items) {
      const itemStart = item.startsAt.getTime() + shiftMs;
      const itemEnd = item.endsAt.getTime() + shiftMs;
      if (itemStart < startsAt.getTime() || itemEnd > endsAt.getTime()) {
        throw refusal(
          409,
          [
            {
              field: 'endsAt',
              code: 'agenda_item_outside_window',
              message: `Mục chương trình "${item.title}" (mã ${item.id}) sẽ nằm ngoài thời gian mới của hội nghị.`,
            },
          ],
          `Mục chương trình "${item.title}" sẽ nằm ngoài thời gian mới của hội nghị; hãy dời hoặc rút ngắn mục này trước.`,
        );
      }
    }
    if (shiftMs === 0) return;
    for (const item of items) {
      await m.update(
        AgendaItem,
        { id: item.id },
        {
          startsAt: new Date(item.startsAt.getTime() + shiftMs),
          endsAt: new Date(item.endsAt.getTime() + shiftMs),
          version: item.version + 1,
        },
      );
    }
  }
}
