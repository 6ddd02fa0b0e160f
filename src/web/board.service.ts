import { Injectable } from '@nestjs/common';
import { BridgePointSummary } from '../bridge-points/bridge-point-summary.repository';
import { SummaryCache } from '../bridge-points/summary-cache';
import { conferenceNotFound } from '../common/errors';
import { ConferenceStatus } from '../conferences/conference.entity';
import { timeOf } from './conference-card';
import { BoardPointRow, BoardSection, layOut, Tile } from './board-tiles';
import { BoardConference, BoardRepository } from './board.repository';
import { CONFERENCE_STATUS_LABELS } from './labels';

/** The counts at the top of the board. */
export type BoardCounts = Pick<BridgePointSummary, 'total' | 'byConfirmation' | 'byConnection' | 'expectedAttendees' | 'actualAttendees'>;

export interface BoardSnapshot {
  conference: { id: string; title: string; status: string; statusLabel: string; time: string; timezone: string };
  counts: BoardCounts;
  sections: BoardSection[];
}

export interface BoardDelta {
  counts: BoardCounts;
  tiles: Tile[];
}

/** A read of the board: the conference, its points and the summary they add up to. */
export interface BoardRead {
  conference: BoardConference;
  rows: BoardPointRow[];
  summary: BridgePointSummary;
}

export const countsOf = (s: BridgePointSummary): BoardCounts => ({
  total: s.total,
  byConfirmation: s.byConfirmation,
  byConnection: s.byConnection,
  expectedAttendees: s.expectedAttendees,
  actualAttendees: s.actualAttendees,
});

/** Builds what the status board shows, from the points and the bridge-point summary (the same figures as the API's). */
@Injectable()
export class BoardService {
  constructor(
    private readonly repository: BoardRepository,
    private readonly summaries: SummaryCache,
  ) {}

  async snapshot(conferenceId: string): Promise<BoardSnapshot> {
    return this.snapshotOf(await this.read(conferenceId));
  }

  /**
   * Reads the board now. `fresh` drops the cached summary first: a change seen in the database
   * may come from another instance, whose write this instance's cache has not heard of.
   */
  async read(conferenceId: string, fresh = false): Promise<BoardRead> {
    const conference = await this.repository.conference(conferenceId);
    if (!conference) throw conferenceNotFound();
    if (fresh) this.summaries.invalidate(conferenceId);
    const [rows, summary] = await Promise.all([this.repository.points(conferenceId), this.summaries.get(conferenceId)]);
    if (!summary) throw conferenceNotFound();
    return { conference, rows, summary };
  }

  snapshotOf({ conference, rows, summary }: BoardRead): BoardSnapshot {
    const provinceNames = new Map(summary.byProvince.map((p) => [p.code, p.name]));
    return {
      conference: {
        id: conference.id,
        title: conference.title,
        status: conference.status,
        statusLabel: CONFERENCE_STATUS_LABELS[conference.status as ConferenceStatus],
        time: timeOf({ startsAt: conference.startsAt.toISOString(), endsAt: conference.endsAt.toISOString(), timezone: conference.timezone }),
        timezone: conference.timezone,
      },
      counts: countsOf(summary),
      sections: layOut(rows, provinceNames),
    };
  }
}
