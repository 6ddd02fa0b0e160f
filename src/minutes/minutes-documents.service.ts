import { Injectable } from '@nestjs/common';
import { User } from '../auth/user.entity';
import { contentDisposition, ExportFile, shortTitle } from '../common/spreadsheet-export';
import { ConferencesService } from '../conferences/conferences.service';
import { DecreeDocument } from '../documents/decree-document';
import { DOCX_CONTENT_TYPE, DocumentFormat, PDF_CONTENT_TYPE, renderDocument } from '../documents/document-files';
import { noticeDocument } from './conclusion-notice-document';
import { ConclusionNoticeService } from './conclusion-notice.service';
import { minutesDocument } from './minutes-document';
import { MinutesService } from './minutes.service';

export type DocumentFile = ExportFile;

/** The minutes and the conclusion notice as DOCX and PDF files with Vietnamese file names. */
@Injectable()
export class MinutesDocumentsService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly minutes: MinutesService,
    private readonly notices: ConclusionNoticeService,
  ) {}

  async minutesFile(conferenceId: string, format: DocumentFormat, user: User): Promise<DocumentFile> {
    const conference = await this.conferences.findVisible(conferenceId, user);
    const minutes = await this.minutes.findOrFail(conferenceId);
    const doc = minutesDocument(minutes.sections, conference.timezone);
    return render(doc, `Biên bản - ${shortTitle(minutes.sections.title)}.${format}`, format);
  }

  async noticeFile(conferenceId: string, format: DocumentFormat, user: User): Promise<DocumentFile> {
    const conference = await this.conferences.findVisible(conferenceId, user);
    const notice = await this.notices.findOrFail(conferenceId);
    const doc = noticeDocument(notice.sections, conference.timezone);
    return render(doc, `Thông báo kết luận - ${shortTitle(conference.title)}.${format}`, format);
  }
}

async function render(doc: DecreeDocument, name: string, format: DocumentFormat): Promise<DocumentFile> {
  const contentType = format === 'docx' ? DOCX_CONTENT_TYPE : PDF_CONTENT_TYPE;
  return { contentType, disposition: contentDisposition(name), body: await renderDocument(doc, format) };
}
