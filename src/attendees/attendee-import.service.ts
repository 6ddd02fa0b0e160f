import { HttpException, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor, userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { PointDirectory, PointRef } from '../bridge-points/point-directory';
import { Clock } from '../common/clock';
import { badField, conferenceNotFound, notFound } from '../common/errors';
import { newId } from '../common/ids';
import { searchKey } from '../common/text';
import { validateBody } from '../common/validate-body';
import { assertOpen } from '../conferences/conference-lifecycle';
import { Conference } from '../conferences/conference.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { ImportField } from './attendee-import-columns';
import { readImportFile, Sheet } from '../common/import-file';
import { ImportProgress, INTERRUPTED_MESSAGE } from './attendee-import-progress';
import { AttendeeImportRepository, isAttendeeUniqueViolation, WRITE_CHUNK } from './attendee-import.repository';
import { checkRows, columnsOf, ImportRow } from './attendee-import-rows';
import { ImportOptionsDto, ImportReportDto, toImportReport } from './attendee-import.dto';
import { Upload } from '../common/import-upload';
import { newAttendeeCode } from './attendee-code';
import { Attendee } from './attendee.entity';
import { ImportJob } from './import-job.entity';

/** Files with more data rows than this are imported in the background (202 and a job to poll). */
export const SYNC_ROW_LIMIT = 2000;
const ATTEMPTS = 3;
/** The report's message when the import failed on something other than a refusal. */
export const INTERNAL_ERROR_MESSAGE = 'Nhập danh sách không thành công do lỗi của hệ thống; chưa có dữ liệu nào được ghi.';

/** The report's message when atomic=true and some rows were rejected. */
export const atomicRefusalMessage = (rejected: number, total: number): string =>
  `${rejected}/${total} dòng bị từ chối; vì đã chọn atomic=true nên không dòng nào được nhập.`;

interface ImportPlan {
  conference: Conference;
  sheet: Sheet;
  columns: Map<ImportField, number>;
  defaultPoint: PointRef | null;
  dryRun: boolean;
  atomic: boolean;
  actor: Actor;
}

export interface ImportStart {
  /** True when the import goes on in the background (answer 202). */
  background: boolean;
  report: ImportReportDto;
}

@Injectable()
export class AttendeeImportService {
  private readonly logger = new Logger(AttendeeImportService.name);

  constructor(
    @InjectRepository(ImportJob) private readonly jobs: Repository<ImportJob>,
    @InjectRepository(Conference) private readonly conferences: Repository<Conference>,
    private readonly repository: AttendeeImportRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly progress: ImportProgress,
    private readonly clock: Clock,
  ) {}

  /**
   * POST …/attendees/import. The file is read and its header checked before anything is
   * written (a file that cannot be read answers 400 and leaves no trace). Up to 2,000 rows the
   * import runs before the answer; above, it runs in the background and the answer names the job.
   */
  async start(
    conferenceId: string,
    readUpload: () => Promise<Upload>,
    query: Record<string, unknown>,
    user: User,
  ): Promise<ImportStart> {
    const conference = await this.conferences.findOneBy({ id: conferenceId });
    if (!conference) throw conferenceNotFound();
    assertOpen(conference);
    const upload = await readUpload();
    const options = await validateBody(ImportOptionsDto, { ...query, ...upload.fields });
    const defaultPoint = options.bridgePointId ? await this.pointOrFail(conferenceId, options.bridgePointId) : null;
    const sheet = await readImportFile(upload.buffer, upload.fileName);
    const plan: ImportPlan = {
      conference,
      sheet,
      columns: columnsOf(sheet, defaultPoint !== null),
      defaultPoint,
      dryRun: options.dryRun === 'true',
      atomic: options.atomic === 'true',
      actor: userActor(user),
    };

    const job = this.jobs.create({
      id: newId(),
      conferenceId,
      kind: 'attendees',
      status: 'running',
      fileName: upload.fileName,
      totalRows: sheet.rows.length,
      processedRows: 0,
      created: 0,
      updated: 0,
      rejected: 0,
      report: { dryRun: plan.dryRun, atomic: plan.atomic, unchanged: 0, errors: [] },
      createdBy: user.id,
      createdAt: this.clock.now(),
      finishedAt: null,
    });
    await this.tx.transaction((m) => m.insert(ImportJob, job));
    this.progress.begin(job);
    const run = this.run(job, plan);
    if (sheet.rows.length > SYNC_ROW_LIMIT) {
      this.progress.track(run.catch(() => undefined));
      return { background: true, report: toImportReport(job) };
    }
    return { background: false, report: await run };
  }

  /** GET …/attendees/import-jobs/:jobId: live counts while it runs here, else the stored report. */
  async job(conferenceId: string, jobId: string): Promise<ImportReportDto> {
    const live = this.progress.get(jobId);
    if (live && live.conferenceId === conferenceId) return toImportReport(live);
    const job = await this.jobs.findOneBy({ id: jobId, conferenceId });
    if (!job) throw notFound('jobId', 'import_job_not_found', 'Không tìm thấy lượt nhập danh sách này.');
    if (this.progress.isStale(job)) return { ...toImportReport(job), status: 'failed', message: INTERRUPTED_MESSAGE };
    return toImportReport(job);
  }

  private async pointOrFail(conferenceId: string, pointId: string): Promise<PointRef> {
    const point = await this.conferences.manager.findOne(BridgePoint, {
      select: { id: true, name: true, administrativeUnitCode: true },
      where: { id: pointId, conferenceId },
    });
    if (!point) throw badField('bridgePointId', 'bridge_point_not_found', `Điểm cầu ${pointId} không thuộc hội nghị này.`);
    return point;
  }

  /** Runs the import in one transaction, retried when another writer took a code or an email meanwhile. */
  private async run(job: ImportJob, plan: ImportPlan): Promise<ImportReportDto> {
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const outcome = await this.tx.transaction((m) => this.importIn(m, job, plan));
          // Shown as done only once committed, so whoever polls then sees the delegates too.
          Object.assign(job, outcome);
          return toImportReport(job);
        } catch (error) {
          if (attempt >= ATTEMPTS || !isAttendeeUniqueViolation(error)) throw error;
        }
      }
    } catch (error) {
      const expected = error instanceof HttpException;
      if (!expected) this.logger.error({ err: error, jobId: job.id }, 'attendee import failed');
      await this.fail(job, expected ? error.message : INTERNAL_ERROR_MESSAGE);
      throw error;
    } finally {
      this.progress.end(job.id);
    }
  }

  /** Checks every row, writes the valid ones (unless dry run or atomic refusal) and stores the report; returns the job's final state. */
  private async importIn(m: EntityManager, job: ImportJob, plan: ImportPlan): Promise<Partial<ImportJob>> {
    const conferenceId = plan.conference.id;
    const conference = await m.findOneBy(Conference, { id: conferenceId });
    if (!conference) throw conferenceNotFound();
    assertOpen(conference);
    const points = await PointDirectory.of(m, await this.repository.pointsOf(m, conferenceId));
    const checked = checkRows(plan.sheet, plan.columns, points, plan.defaultPoint);

    const emails = checked.valid.map((r) => r.email).filter((e): e is string => e !== undefined);
    const existing = await this.repository.byEmail(m, conferenceId, emails);
    const now = this.clock.now();
    const fresh: ImportRow[] = [];
    const toUpdate: ChangedAttendee[] = [];
    let unchanged = 0;
    for (const row of checked.valid) {
      const current = row.email !== undefined ? existing.get(row.email) : undefined;
      if (!current) {
        fresh.push(row);
        continue;
      }
      const next = changed(current, row, now);
      if (next) toUpdate.push(next);
      else unchanged++;
    }

    const rejected = checked.rejectedRows.size;
    const refused = plan.atomic && rejected > 0;
    const write = !plan.dryRun && !refused;
    job.rejected = rejected;
    job.processedRows = rejected + unchanged;
    if (write) {
      // New delegates are built a chunk at a time as they are written: 100,000 of them at once
      // held tens of MB more than the rows they come from.
      const codes = await this.repository.codesOf(m, conferenceId);
      await inChunks(fresh, (chunk) => this.repository.insert(m, chunk.map((row) => this.newAttendee(conferenceId, row, codes, now))), job);
      await inChunks(toUpdate, (chunk) => this.repository.update(m, chunk), job);
    }
    const outcome = {
      status: refused ? ('failed' as const) : ('done' as const),
      processedRows: job.totalRows,
      created: refused ? 0 : fresh.length,
      updated: refused ? 0 : toUpdate.length,
      rejected,
      report: {
        dryRun: plan.dryRun,
        atomic: plan.atomic,
        unchanged,
        errors: checked.errors,
        warnings: checked.warnings,
        ...(refused && { message: atomicRefusalMessage(rejected, job.totalRows) }),
      },
      finishedAt: this.clock.now(),
    };
    await m.update(ImportJob, { id: job.id }, outcome);
    if (write) {
      await this.audit.record(m, plan.actor, {
        conferenceId,
        entityType: 'conference',
        entityId: conferenceId,
        action: 'import_attendees',
        after: { jobId: job.id, fileName: job.fileName, created: outcome.created, updated: outcome.updated, unchanged, rejected },
      });
    }
    return outcome;
  }

  /** A new delegate, added (no invitation sent yet); what is left undefined takes the column's default (no check-in, …). */
  private newAttendee(conferenceId: string, row: ImportRow, codes: Set<string>, now: Date): NewAttendee {
    let code = newAttendeeCode();
    while (codes.has(code)) code = newAttendeeCode();
    codes.add(code);
    return {
      id: newId(),
      conferenceId,
      bridgePointId: row.bridgePointId,
      fullName: row.fullName,
      title: row.title,
      organization: row.organization,
      email: row.email,
      phone: row.phone,
      role: row.role === 'delegate' ? undefined : row.role,
      source: 'import',
      status: 'added',
      code,
      notes: row.notes,
      searchKey: searchKey(`${row.fullName} ${row.title ?? ''} ${row.organization ?? ''}`),
      createdAt: now,
      updatedAt: now,
    };
  }

  /** Marks a job failed in its own transaction, when the import's transaction was rolled back. */
  private async fail(job: ImportJob, message: string): Promise<void> {
    const outcome = {
      status: 'failed' as const,
      created: 0,
      updated: 0,
      report: { dryRun: job.report?.dryRun ?? false, atomic: job.report?.atomic ?? false, unchanged: 0, errors: [], message },
      finishedAt: this.clock.now(),
    };
    Object.assign(job, outcome);
    try {
      await this.tx.transaction((m) => m.update(ImportJob, { id: job.id }, { ...outcome, processedRows: job.processedRows, rejected: job.rejected }));
    } catch (error) {
      this.logger.error({ err: error, jobId: job.id }, 'could not mark the import job failed');
    }
  }

}

/** Writes rows 500 at a time, counting them into the job's progress. */
async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<void>, job: ImportJob): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const chunk = rows.slice(i, i + WRITE_CHUNK);
    await write(chunk);
    job.processedRows += chunk.length;
  }
}

type NewAttendee = Partial<Attendee> & Pick<Attendee, 'id' | 'conferenceId' | 'bridgePointId' | 'fullName' | 'code' | 'searchKey'>;

/** The columns an upsert writes; the others of its INSERT half are never used, the row exists. */
type ChangedAttendee = Pick<
  Attendee,
  | 'id'
  | 'conferenceId'
  | 'bridgePointId'
  | 'fullName'
  | 'title'
  | 'organization'
  | 'email'
  | 'phone'
  | 'role'
  | 'code'
  | 'notes'
  | 'searchKey'
  | 'version'
  | 'updatedAt'
>;

/** The delegate with the row's values, or null when the row changes nothing. Blank cells keep what is there. */
function changed(current: Attendee, row: ImportRow, now: Date): ChangedAttendee | null {
  const next = {
    fullName: row.fullName,
    title: row.title ?? current.title,
    organization: row.organization ?? current.organization,
    phone: row.phone ?? current.phone,
    bridgePointId: row.bridgePointId,
    role: row.role ?? current.role,
    notes: row.notes ?? current.notes,
  };
  if ((Object.keys(next) as (keyof typeof next)[]).every((field) => next[field] === current[field])) return null;
  return {
    ...next,
    id: current.id,
    conferenceId: current.conferenceId,
    email: current.email,
    code: current.code,
    searchKey: searchKey(`${next.fullName} ${next.title ?? ''} ${next.organization ?? ''}`),
    version: current.version + 1,
    updatedAt: now,
  };
}
