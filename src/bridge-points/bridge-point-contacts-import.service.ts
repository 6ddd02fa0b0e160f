import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../auth/user.entity';
import { readImportFile } from '../common/import-file';
import { Upload } from '../common/import-upload';
import { validateBody } from '../common/validate-body';
import { assertOpen } from '../conferences/conference-lifecycle';
import { conferenceOrFail } from './conference-visibility';
import { TransactionRunner } from '../database/transaction-runner';
import { CONTACT_FIELDS } from './bridge-point-contacts-import-columns';
import { checkContactRows, contactColumnsOf, ContactRow } from './bridge-point-contacts-import-rows';
import { ContactFieldChangeDto, ContactsImportOptionsDto, ContactsImportReportDto } from './bridge-point-contacts-import.dto';
import { BridgePoint } from './bridge-point.entity';
import { BridgePointsService, PointChange } from './bridge-points.service';
import { PointDirectory } from './point-directory';

/** The audit action of a point changed by a contacts import. */
const IMPORT_ACTION = 'import_contacts';

/**
 * POST …/bridge-points/contacts/import: who leads and who answers at each point, one row per
 * point, read with the delegate import's file and row handling. All or nothing: one refused row
 * and nothing is written; otherwise every changed point goes through BridgePointsService's
 * versioned change, all in one transaction. Blank cells keep what is stored.
 */
@Injectable()
export class BridgePointContactsImportService {
  constructor(
    @InjectRepository(BridgePoint) private readonly rows: Repository<BridgePoint>,
    private readonly points: BridgePointsService,
    private readonly tx: TransactionRunner,
  ) {}

  async import(conferenceId: string, readUpload: () => Promise<Upload>, query: Record<string, unknown>, user: User): Promise<ContactsImportReportDto> {
    // A wrong or closed conference is answered before the upload is read.
    assertOpen(await conferenceOrFail(this.rows.manager, conferenceId));
    const upload = await readUpload();
    const options = await validateBody(ContactsImportOptionsDto, { ...query, ...upload.fields });
    const sheet = await readImportFile(upload.buffer, upload.fileName);
    const columns = contactColumnsOf(sheet);
    const dryRun = options.dryRun === 'true';

    // changeMany checks the conference is still open when it writes; a dry run writes nothing.
    return this.tx.transaction(async (m) => {
      const current = await m.find(BridgePoint, { where: { conferenceId } });
      const checked = checkContactRows(sheet, columns, await PointDirectory.of(m, current));
      const byId = new Map(current.map((p) => [p.id, p]));
      const rows = checked.valid.map((row) => {
        const point = byId.get(row.point.id)!;
        return { row, point, changes: changesOf(point, row) };
      });
      const updated = rows.filter((r) => r.changes.length > 0);
      const rejected = checked.rejectedRows.size;
      const report: ContactsImportReportDto = {
        status: rejected > 0 ? 'failed' : 'done',
        dryRun,
        fileName: upload.fileName,
        totalRows: sheet.rows.length,
        updated: updated.length,
        unchanged: rows.length - updated.length,
        rejected,
        errors: checked.errors,
        warnings: checked.warnings,
        points: rows.map(({ row, point, changes }) => ({ row: row.row, bridgePointId: point.id, name: point.name, changes })),
        ...(rejected > 0 && { message: `${rejected} trong ${sheet.rows.length} dòng bị từ chối; không ghi thay đổi nào.` }),
      };
      if (dryRun || rejected > 0) return report;
      const changes: PointChange[] = updated.map(({ point, changes }) => ({
        pointId: point.id,
        version: point.version,
        changes: Object.fromEntries(changes.map((c) => [c.field, c.to])),
      }));
      await this.points.changeMany(conferenceId, user, IMPORT_ACTION, changes);
      return report;
    });
  }
}

/** The fields a row changes on its point; a blank cell changes nothing. */
function changesOf(point: BridgePoint, row: ContactRow): ContactFieldChangeDto[] {
  return CONTACT_FIELDS.flatMap((field) => {
    const to = row.values[field];
    return to === undefined || to === point[field] ? [] : [{ field, from: point[field], to }];
  });
}
