import { Injectable } from '@nestjs/common';
import { EntityManager, In, QueryFailedError } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { PointRef } from '../bridge-points/point-directory';
import { Attendee } from './attendee.entity';
import { forUpdate } from '../database/row-lock';

/** Rows per INSERT: 500 rows of 22 columns stay well under SQLite's and PostgreSQL's parameter limits. */
export const WRITE_CHUNK = 500;
const READ_CHUNK = 1000;

/** The columns an import may change on a delegate found by email. */
const UPDATABLE_COLUMNS = [
  'full_name',
  'title',
  'organization',
  'phone',
  'bridge_point_id',
  'role',
  'notes',
  'search_key',
  'version',
  'updated_at',
];

/** What an import compares and writes back of a delegate found by email. */
const MATCHED_COLUMNS = {
  id: true,
  conferenceId: true,
  email: true,
  fullName: true,
  title: true,
  organization: true,
  phone: true,
  bridgePointId: true,
  role: true,
  notes: true,
  code: true,
  version: true,
} as const;

/** The queries of an import, all run on the caller's transaction. */
@Injectable()
export class AttendeeImportRepository {
  pointsOf(m: EntityManager, conferenceId: string): Promise<PointRef[]> {
    return m.find(BridgePoint, {
      select: { id: true, name: true, administrativeUnitCode: true, administrativeUnitSet: true },
      where: { conferenceId },
    });
  }

  /**
   * Delegates of the conference with these (lower-case) emails, locked on PostgreSQL until the
   * import commits. One light query first finds which emails exist, so a list of new people
   * loads nothing more.
   */
  async byEmail(m: EntityManager, conferenceId: string, emails: string[]): Promise<Map<string, Attendee>> {
    const found = new Map<string, Attendee>();
    if (emails.length === 0) return found;
    const wanted = new Set(emails);
    const known = await m
      .createQueryBuilder(Attendee, 'a')
      .select('a.email', 'email')
      .where('a.conferenceId = :conferenceId AND a.email IS NOT NULL', { conferenceId })
      .getRawMany<{ email: string }>();
    const matched = known.map((r) => r.email).filter((email) => wanted.has(email));
    const lock = forUpdate(m);
    for (let i = 0; i < matched.length; i += READ_CHUNK) {
      const rows = await m.find(Attendee, {
        select: MATCHED_COLUMNS,
        where: { conferenceId, email: In(matched.slice(i, i + READ_CHUNK)) },
        ...lock,
      });
      for (const row of rows) found.set(row.email!, row);
    }
    return found;
  }

  /** Every check-in code in use in the conference, so new ones can avoid them. */
  async codesOf(m: EntityManager, conferenceId: string): Promise<Set<string>> {
    const rows = await m
      .createQueryBuilder(Attendee, 'a')
      .select('a.code', 'code')
      .where('a.conferenceId = :conferenceId', { conferenceId })
      .getRawMany<{ code: string }>();
    return new Set(rows.map((r) => r.code));
  }

  /** Columns left undefined get their defaults (NULL, 'invited', …) written into the SQL, not bound one by one. */
  async insert(m: EntityManager, rows: QueryDeepPartialEntity<Attendee>[]): Promise<void> {
    await m.createQueryBuilder().insert().into(Attendee).values(rows).updateEntity(false).execute();
  }

  /**
   * Writes changed delegates in one statement per chunk: each row exists (same conference and
   * email), so the INSERT always meets the unique index and becomes an UPDATE of the listed columns.
   */
  async update(m: EntityManager, rows: QueryDeepPartialEntity<Attendee>[]): Promise<void> {
    await m
      .createQueryBuilder()
      .insert()
      .into(Attendee)
      .values(rows)
      .orUpdate(UPDATABLE_COLUMNS, ['conference_id', 'email'])
      .updateEntity(false)
      .execute();
  }
}

/** A unique index of attendees refused a row: another writer took a code or an email meanwhile. */
export function isAttendeeUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string; message?: string };
  if (driverError.code === '23505') return /^uq_attendees_/.test(driverError.constraint ?? '');
  return /UNIQUE constraint failed: attendees\./.test(driverError.message ?? error.message);
}
