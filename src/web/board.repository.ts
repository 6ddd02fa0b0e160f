import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';
import { MaterialsRepository } from '../materials/materials.repository';
import { BoardPointRow } from './board-tiles';

export interface BoardConference {
  id: string;
  title: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  version: number;
}

/** The status board's reads: a cheap change marker, and the points in as few columns as the tiles need. */
@Injectable()
export class BoardRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly materials: MaterialsRepository,
  ) {}

  async conference(conferenceId: string): Promise<BoardConference | null> {
    return this.dataSource.manager.findOne(Conference, {
      select: { id: true, title: true, status: true, startsAt: true, endsAt: true, timezone: true, version: true },
      where: { id: conferenceId },
    });
  }

  /**
   * Changes whenever any point of the conference (or the conference) is written, by any app
   * instance: every edit of a point bumps its version, every check-in or its undoing moves the
   * points' check-in count, and points are only ever added; materials added or removed and the
   * points' downloads move the materials' part. Two indexed aggregates, run about once a second.
   */
  async marker(conferenceId: string): Promise<string | null> {
    const [row]: { n: string | number; v: string | number | null; k: string | number | null; c: string | number | null }[] =
      await this.dataSource.query(
        `SELECT COUNT(*) AS n, SUM(version) AS v, SUM(checked_in_attendees) AS k, (SELECT version FROM conferences WHERE id = $1) AS c
           FROM bridge_points WHERE conference_id = $1`,
        [conferenceId],
      );
    if (!row || row.c === null) return null;
    return `${row.n}:${row.v ?? 0}:${row.k ?? 0}:${row.c}:${await this.materials.marker(conferenceId)}`;
  }

  /** The points in board order with, when the conference has materials for the points, whether each fetched them all. */
  async points(conferenceId: string): Promise<BoardPointRow[]> {
    const [rows, counts] = await Promise.all([this.pointRows(conferenceId), this.materials.pointCounts(conferenceId)]);
    if (counts.total === 0) return rows;
    return rows.map((row) => ({ ...row, materialsFetched: (counts.fetched.get(row.id) ?? 0) >= counts.total }));
  }

  /** The points in board order: the main point first, then as they were connected. */
  private pointRows(conferenceId: string): Promise<BoardPointRow[]> {
    return this.dataSource.manager.find(BridgePoint, {
      select: {
        id: true,
        name: true,
        level: true,
        isMain: true,
        region: true,
        provinceCode: true,
        confirmationStatus: true,
        connectionStatus: true,
        expectedAttendees: true,
        reportedAttendees: true,
        checkedInAttendees: true,
      },
      where: { conferenceId },
      order: { isMain: 'DESC', position: 'ASC', id: 'ASC' },
    });
  }
}
