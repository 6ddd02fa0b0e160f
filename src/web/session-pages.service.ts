import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { notFound } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { PageResult } from './page-result';
import { sessionScanPage, sessionScreenPage } from './session-pages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A hall code as typed or scanned: the API tells a wrong one apart; anything else is no such page. */
const CODE = /^[0-9A-Za-z]{1,16}$/;

const sessionNotFound = () => notFound('itemId', 'agenda_item_not_found', 'Không tìm thấy buổi học này.');

/** The hall screen of a session and the page its QR code opens. */
@Injectable()
export class SessionPagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The screen's shell; its script's API routes are under the conference, so only that id goes in the page. */
  async screen(itemId: string): Promise<PageResult> {
    if (!UUID.test(itemId)) throw sessionNotFound();
    const item = await this.dataSource.manager.findOne(AgendaItem, { select: { id: true, conferenceId: true }, where: { id: itemId.toLowerCase() } });
    if (!item) throw sessionNotFound();
    return { status: 200, html: sessionScreenPage(item.conferenceId, item.id, this.config.publicBaseUrl) };
  }

  /** The scan page reads nothing itself: its script checks in with the RSVP link the phone remembers. */
  scan(itemId: string, code: string): PageResult {
    if (!UUID.test(itemId) || !CODE.test(code)) throw sessionNotFound();
    return { status: 200, html: sessionScanPage(itemId.toLowerCase(), code.toUpperCase()) };
  }
}
