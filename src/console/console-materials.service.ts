import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AgendaItemsService } from '../agenda/agenda-items.service';
import { forbidden } from '../common/errors';
import { PageQueryDto } from '../common/pagination';
import { ConferencesService } from '../conferences/conferences.service';
import { materialNotFound, MaterialsService } from '../materials/materials.service';
import { ConsoleCaller, CSRF_FIELD } from './console-caller';
import { parseCookies, SESSION_COOKIE } from './console-cookies';
import { MATERIAL_FIELDS, materialRemovePage, MaterialRow, materialsPage, MaterialsView, materialsUrl } from './console-materials-pages';
import { ConsoleResult } from './console-reply';
import { refusalBeside, str } from './console-screen-kit';
import { ConsoleSessions } from './console-sessions';

const ALL = 500;

/** Conference materials on the console, over MaterialsService: upload, list with downloads per point, re-send, download. */
@Injectable()
export class ConsoleMaterialsService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly materials: MaterialsService,
    private readonly agenda: AgendaItemsService,
    private readonly sessions: ConsoleSessions,
  ) {}

  async page(id: string, caller: ConsoleCaller, query: Record<string, unknown>, over: Partial<MaterialsView> = {}, status = 200): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const { items: materials } = await this.materials.list(id, caller.user);
    const rows: MaterialRow[] = [];
    for (const material of materials) {
      rows.push({ material, downloads: material.audience === 'attendees' ? null : await this.materials.downloads(id, material.id) });
    }
    const items = (await this.agenda.list(id, plainToInstance(PageQueryDto, { page: 1, pageSize: ALL }), caller.user)).items;
    return { status, html: materialsPage({ conference, rows, items, flash: flashOf(query), form: { values: {}, errors: {} }, ...over }, caller) };
  }

  /** The upload form's post: its CSRF token comes in the address (the multipart fields are the service's), checked before anything is read. */
  async upload(id: string, request: FastifyRequest, query: Record<string, unknown>, caller: ConsoleCaller): Promise<ConsoleResult> {
    const token = parseCookies(request.headers.cookie)[SESSION_COOKIE];
    if (!this.sessions.sessionCsrfHolds(token, query[CSRF_FIELD])) {
      throw forbidden(CSRF_FIELD, 'csrf_mismatch', 'Biểu mẫu đã hết hạn hoặc không được gửi từ trang của hệ thống. Vui lòng tải lại trang rồi thử lại.');
    }
    try {
      const material = await this.materials.upload(id, request, caller.user);
      return { redirect: `${materialsUrl(id)}?xong=gui#tl-${material.id}` };
    } catch (error) {
      const refused = refusalBeside(error, MATERIAL_FIELDS);
      if (!refused) throw error;
      // The fields typed are not read back from a refused multipart post; the page says what to fix.
      return this.page(id, caller, {}, { form: { values: {}, errors: refused.errors, problem: refused.problem } }, refused.status);
    }
  }

  async resend(id: string, materialId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    await this.conferences.get(id, caller.user);
    try {
      const r = await this.materials.resend(id, materialId);
      return { redirect: `${materialsUrl(id)}?xong=nhac&so=${r.queued}&khong-email=${r.withoutEmail}&dang-cho=${r.alreadyQueued}#tl-${materialId}` };
    } catch (error) {
      const refused = refusalBeside(error, {});
      if (!refused) throw error;
      return this.page(id, caller, {}, { problem: refused.problem }, refused.status);
    }
  }

  /** The confirmation before a material is deleted. */
  async removeForm(id: string, materialId: string, caller: ConsoleCaller, problem?: string, status = 200): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const material = (await this.materials.list(id, caller.user)).items.find((m) => m.id === materialId);
    if (!material) throw materialNotFound();
    return { status, html: materialRemovePage(conference, material, caller, problem) };
  }

  /** Deletes a material through MaterialsService (file, download log, audit). */
  async remove(id: string, materialId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    await this.conferences.get(id, caller.user);
    try {
      await this.materials.remove(id, materialId, caller.user);
      return { redirect: `${materialsUrl(id)}?xong=xoa` };
    } catch (error) {
      const refused = refusalBeside(error, {});
      if (!refused) throw error;
      return this.removeForm(id, materialId, caller, refused.problem, refused.status);
    }
  }

  async download(id: string, materialId: string, caller: ConsoleCaller, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await this.materials.download(id, materialId, caller.user, request, reply);
  }
}

function flashOf(query: Record<string, unknown>): string | undefined {
  if (query.xong === 'gui') return 'Đã gửi tài liệu.';
  if (query.xong === 'xoa') return 'Đã xóa tài liệu.';
  if (query.xong !== 'nhac') return undefined;
  const n = (k: string) => Number(str(query[k])) || 0;
  const parts = [`Đã xếp lịch gửi thư nhắc tới ${n('so')} điểm cầu chưa tải`];
  if (n('khong-email') > 0) parts.push(`${n('khong-email')} điểm cầu chưa có email liên hệ`);
  if (n('dang-cho') > 0) parts.push(`${n('dang-cho')} điểm cầu đã có thư nhắc đang chờ gửi`);
  return `${parts.join('; ')}.`;
}

