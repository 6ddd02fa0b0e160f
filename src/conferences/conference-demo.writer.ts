import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { searchKey } from '../common/text';
import { Conference } from './conference.entity';

/** What a demo conference is given; the rest is what a conference that took place has. */
export type DemoConference = Pick<
  Conference,
  'id' | 'title' | 'kind' | 'format' | 'description' | 'hostOrganization' | 'venue' | 'onlineUrl' | 'chairName' | 'chairTitle' | 'startsAt' | 'endsAt'
>;

/**
 * Writes a demo conference for the seeding, inside its transaction: a past event under its fixed
 * id, completed as it stands after it took place. ConferencesService creates drafts of future
 * events (and audits them), so the seeding's historic row is written here, by the module that owns it.
 */
@Injectable()
export class ConferenceDemoWriter {
  async insertCompleted(m: EntityManager, conference: DemoConference, createdBy: string | null): Promise<void> {
    await m.insert(Conference, {
      ...conference,
      searchKey: searchKey(conference.title),
      status: 'completed',
      timezone: 'Asia/Ho_Chi_Minh',
      cancelReason: null,
      registration: null,
      completionRule: null,
      clonedFromId: null,
      createdBy,
      version: 1,
      sequence: 0,
    });
  }
}
