import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { PointDirectory } from '../bridge-points/point-directory';
import { badField } from '../common/errors';
import { newId } from '../common/ids';
import { readImportFile } from '../common/import-file';
import { Upload } from '../common/import-upload';
import { validateBody } from '../common/validate-body';
import { TransactionRunner } from '../database/transaction-runner';
import { AwardDecisionsService, formOrFail } from './award-decisions.service';
import { AwardDecisionsRepository } from './award-decisions.repository';
import { checkRecipientRows, RecipientImportRow, recipientColumnsOf, UnitDirectory } from './award-recipient-import-rows';
import { RecipientImportOptionsDto, RecipientImportReportDto } from './award-recipient-import.dto';
import { AwardRecipient } from './award-recipient.entity';
import { recipientKey, unitSetOf } from './award-recipient-rules';
import { AwardRecipientWriter } from './award-recipient-writer';

/**
 * POST …/award-decisions/:decisionId/recipients/import: an award list as CSV or XLSX, read with
 * the delegate import's file and row handling. All or nothing: one rejected row and nothing is
 * written. A row naming a recipient the decision has (same kind, name and organization)
 * updates it; blank cells keep what is stored.
 */
@Injectable()
export class AwardRecipientImportService {
  constructor(
    private readonly decisions: AwardDecisionsService,
    private readonly repository: AwardDecisionsRepository,
    private readonly writer: AwardRecipientWriter,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async import(
    conferenceId: string,
    decisionId: string,
    readUpload: () => Promise<Upload>,
    query: Record<string, unknown>,
    user: User,
  ): Promise<RecipientImportReportDto> {
    const m0 = this.repository.manager;
    // The conference and the decision are checked before the upload is read, so a wrong path costs no upload.
    await this.decisions.decisionOrFail(m0, conferenceId, decisionId);
    const upload = await readUpload();
    const options = await validateBody(RecipientImportOptionsDto, { ...query, ...upload.fields });
    const sheet = await readImportFile(upload.buffer, upload.fileName);
    const dryRun = options.dryRun === 'true';

    return this.tx.transaction(async (m) => {
      const conference = await this.decisions.writableConference(m, conferenceId);
      const decision = await this.decisions.decisionOrFail(m, conferenceId, decisionId);
      const form = await formOrFail(m, decision.awardFormCode);
      const columns = recipientColumnsOf(sheet, form);
      const agendaItemId = options.agendaItemId?.toLowerCase() ?? null;
      if (agendaItemId && !(await m.existsBy(AgendaItem, { id: agendaItemId, conferenceId }))) {
        throw badField('agendaItemId', 'agenda_item_not_found', `Mục chương trình ${agendaItemId} không thuộc hội nghị này.`);
      }
      const set = unitSetOf(conference);
      // One after another: a transaction is one connection, which runs one query at a time (pg warns of queries sent at once).
      const points = await m.find(BridgePoint, { select: { id: true, name: true, administrativeUnitCode: true }, where: { conferenceId } });
      const units = await m.find(AdministrativeUnit, { select: { code: true, name: true, level: true }, where: { set } });
      const existing = await m.find(AwardRecipient, { where: { decisionId } });
      const checked = checkRecipientRows(sheet, columns, form, new PointDirectory(points), new UnitDirectory(units, set));
      const plan = planOf(checked.valid, existing, agendaItemId);
      const rejected = checked.rejectedRows.size;
      const report: RecipientImportReportDto = {
        status: rejected > 0 ? 'failed' : 'done',
        dryRun,
        fileName: upload.fileName,
        totalRows: sheet.rows.length,
        created: plan.toCreate.length,
        updated: plan.toUpdate.length,
        unchanged: plan.unchanged,
        rejected,
        errors: checked.errors,
        ...(rejected > 0 && { message: `Có ${rejected} trên ${sheet.rows.length} dòng bị từ chối; chưa nhập dòng nào.` }),
      };
      if (dryRun || rejected > 0) return report;

      await this.write(m, { conferenceId, decisionId, agendaItemId }, plan, checked.valid);
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'award_decision',
        entityId: decisionId,
        action: 'import_recipients',
        after: { fileName: upload.fileName, created: report.created, updated: report.updated, unchanged: plan.unchanged },
      });
      return report;
    });
  }

  /** Writes the plan: new recipients after those already there (rows without an order follow every order given), then the changes. */
  private async write(
    m: EntityManager,
    target: { conferenceId: string; decisionId: string; agendaItemId: string | null },
    plan: ImportPlan,
    valid: RecipientImportRow[],
  ): Promise<void> {
    let next = Math.max(await this.repository.nextPosition(m, target.decisionId), ...valid.map((r) => (r.position ?? 0) + 1));
    const rows = plan.toCreate.map((row) =>
      m.create(AwardRecipient, {
        id: newId(),
        ...target,
        kind: row.kind,
        name: row.name ?? null,
        title: row.title ?? null,
        organization: row.organization ?? null,
        administrativeUnitCode: row.administrativeUnitCode ?? null,
        achievement: row.achievement ?? null,
        position: row.position ?? next++,
        bridgePointId: row.bridgePointId ?? null,
        presenterName: row.presenterName ?? null,
        searchKey: row.key,
        version: 1,
      }),
    );
    await this.writer.insert(m, rows);
    for (const { current, changes } of plan.toUpdate) {
      await m.update(AwardRecipient, { id: current.id }, { ...changes, version: current.version + 1 });
    }
  }
}

/** What an import does: the rows that are new, the recipients they change, and how many they leave as they are. */
interface ImportPlan {
  toCreate: RecipientImportRow[];
  toUpdate: { current: AwardRecipient; changes: Partial<AwardRecipient> }[];
  unchanged: number;
}

/** A row naming a recipient the decision has (same kind, name and organization) updates it; any other row is new. */
function planOf(valid: RecipientImportRow[], existing: AwardRecipient[], agendaItemId: string | null): ImportPlan {
  const byKey = new Map(existing.map((r) => [r.searchKey, r]));
  const plan: ImportPlan = { toCreate: [], toUpdate: [], unchanged: 0 };
  for (const row of valid) {
    const current = byKey.get(row.key);
    if (!current) {
      plan.toCreate.push(row);
      continue;
    }
    const changes = changesOf(current, row, agendaItemId);
    if (changes) plan.toUpdate.push({ current, changes });
    else plan.unchanged++;
  }
  return plan;
}

/** The columns a row changes on a recipient already there, or null when it changes nothing. Blank cells keep. */
function changesOf(current: AwardRecipient, row: RecipientImportRow, agendaItemId: string | null): Partial<AwardRecipient> | null {
  const next = {
    name: row.name ?? current.name,
    title: row.title ?? current.title,
    organization: row.organization ?? current.organization,
    administrativeUnitCode: row.administrativeUnitCode ?? current.administrativeUnitCode,
    achievement: row.achievement ?? current.achievement,
    position: row.position ?? current.position,
    agendaItemId: agendaItemId ?? current.agendaItemId,
    bridgePointId: row.bridgePointId ?? current.bridgePointId,
    presenterName: row.presenterName ?? current.presenterName,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((field) => next[field] !== current[field]);
  if (changed.length === 0) return null;
  // The name and organization may differ in case or diacritics from the stored ones and still match.
  return { ...next, searchKey: recipientKey({ kind: current.kind, name: next.name, organization: next.organization }) };
}
