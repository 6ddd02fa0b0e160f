import { Injectable } from '@nestjs/common';
import { User } from '../auth/user.entity';
import { contentDisposition, CSV_CONTENT_TYPE, ExportFile, shortTitle, XLSX_CONTENT_TYPE } from '../common/spreadsheet-export';
import { ConferencesService } from '../conferences/conferences.service';
import { DOCX_CONTENT_TYPE } from '../documents/document-files';
import { AwardDecisionsService } from './award-decisions.service';
import { awardListOf } from './award-list';
import { awardListCsv, awardListXlsx } from './award-list-sheets';

export type AwardListFormat = 'csv' | 'xlsx' | 'docx';

/** GET /api/conferences/:id/awards.{csv,xlsx,docx}: the award list; an operator's holds its own points' awards. */
@Injectable()
export class AwardListService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly decisions: AwardDecisionsService,
  ) {}

  async export(conferenceId: string, format: AwardListFormat, separator: ',' | ';', user: User): Promise<ExportFile> {
    const conference = await this.conferences.findVisible(conferenceId, user);
    const list = awardListOf(conference.title, await this.decisions.visibleForConference(conferenceId, user));
    const disposition = contentDisposition(`Danh sách khen thưởng - ${shortTitle(conference.title)}.${format}`);
    if (format === 'csv') return { contentType: CSV_CONTENT_TYPE, disposition, body: awardListCsv(list, separator) };
    if (format === 'xlsx') return { contentType: XLSX_CONTENT_TYPE, disposition, body: await awardListXlsx(list) };
    // The Word writer is loaded with the first Word list, not at start (see renderDocument).
    const { awardListDocx } = await import('./award-list-docx');
    return { contentType: DOCX_CONTENT_TYPE, disposition, body: await awardListDocx(list) };
  }
}
