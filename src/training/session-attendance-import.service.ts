import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Attendee } from '../attendees/attendee.entity';
import { userActor } from '../audit/actor';
import { User } from '../auth/user.entity';
import { readImportFile, Sheet } from '../common/import-file';
import { Upload } from '../common/import-upload';
import { validateBody } from '../common/validate-body';
import { TransactionRunner } from '../database/transaction-runner';
import { normalizeAttendeeCode } from '../attendees/attendee-code';
import { SheetField } from './session-attendance-import-columns';
import { checkSheetRows, sheetColumnsOf } from './session-attendance-import-rows';
import { SheetImportOptionsDto, SheetImportReportDto } from './session-attendance-import.dto';
import { SessionAttendance } from './session-attendance.entity';
import { SessionAttendanceRepository } from './session-attendance.repository';
import { SessionAttendanceService } from './session-attendance.service';
import { SessionWindow } from './session-window';

/**
 * POST …/attendance/import: a session's paper sign-in sheet (danh sách ký tên), typed into a CSV
 * or XLSX, one row per person named by code or email, with an optional status (present when
 * blank). Read with the delegate import's file and row handling; all or nothing: one refused row
 * and nothing is recorded. The sheet is the record: it replaces earlier marks of the people it names.
 */
@Injectable()
export class SessionAttendanceImportService {
  constructor(
    @InjectRepository(SessionAttendance) private readonly rows: Repository<SessionAttendance>,
    private readonly attendance: SessionAttendanceService,
    private readonly reads: SessionAttendanceRepository,
    private readonly window: SessionWindow,
    private readonly tx: TransactionRunner,
  ) {}

  async import(conferenceId: string, itemId: string, readUpload: () => Promise<Upload>, query: Record<string, unknown>, user: User): Promise<SheetImportReportDto> {
    // A wrong conference, item or state is answered before the upload is read.
    const before = await this.attendance.sessionOf(this.rows.manager, conferenceId, itemId, user);
    this.window.assertRecordable(before.conference, before.item, 'present');
    const upload = await readUpload();
    const options = await validateBody(SheetImportOptionsDto, { ...query, ...upload.fields });
    const sheet = await readImportFile(upload.buffer, upload.fileName);
    const columns = sheetColumnsOf(sheet);
    const dryRun = options.dryRun === 'true';

    return this.tx.transaction(async (m) => {
      const session = await this.attendance.sessionOf(m, conferenceId, itemId, user);
      this.window.assertRecordable(session.conference, session.item, 'present');
      const people = await this.attendance.visible(m, session.scope, await this.namedIn(m, conferenceId, sheet, columns));
      const checked = checkSheetRows(sheet, columns, people);
      const marks = await this.reads.marksOf(m, itemId, checked.valid.map((r) => r.attendee.id));
      const rejected = checked.rejectedRows.size;
      let marked = 0;
      let updated = 0;
      for (const row of checked.valid) {
        const mark = marks.get(row.attendee.id);
        if (!mark) marked++;
        else if (mark.status !== row.status) updated++;
      }
      const report: SheetImportReportDto = {
        status: rejected > 0 ? 'failed' : 'done',
        dryRun,
        fileName: upload.fileName,
        totalRows: sheet.rows.length,
        marked,
        updated,
        unchanged: checked.valid.length - marked - updated,
        rejected,
        errors: checked.errors,
        rows: checked.valid.map((r) => ({
          row: r.row,
          attendeeId: r.attendee.id,
          fullName: r.attendee.fullName,
          from: marks.get(r.attendee.id)?.status ?? null,
          status: r.status,
        })),
        ...(rejected > 0 && { message: `${rejected} trong ${sheet.rows.length} dòng bị từ chối; chưa ghi điểm danh nào.` }),
      };
      if (dryRun || rejected > 0) return report;
      await this.attendance.apply(
        m,
        session,
        checked.valid.map((r) => ({ attendee: r.attendee, status: r.status, method: 'import' as const })),
        userActor(user),
        'import',
        marks,
      );
      return report;
    });
  }

  /** The conference's attendees whose code or email a cell of the sheet gives (a sheet names a few hundred of many). */
  private async namedIn(m: EntityManager, conferenceId: string, sheet: Sheet, columns: Map<SheetField, number>): Promise<Attendee[]> {
    const cellsOf = (field: SheetField) => {
      const index = columns.get(field);
      if (index === undefined) return [];
      return sheet.rows.flatMap(({ cells }) => (typeof cells[index] === 'string' && cells[index] !== '' ? [cells[index] as string] : []));
    };
    const codes = [...new Set(cellsOf('code').map(normalizeAttendeeCode))];
    const emails = [...new Set(cellsOf('email').map((e) => e.normalize('NFC').trim().toLowerCase()))];
    const found = new Map<string, Attendee>();
    for (const [field, values] of [['code', codes], ['email', emails]] as const) {
      for (let i = 0; i < values.length; i += 500) {
        for (const a of await m.find(Attendee, { where: { conferenceId, [field]: In(values.slice(i, i + 500)) } })) found.set(a.id, a);
      }
    }
    return [...found.values()];
  }
}
