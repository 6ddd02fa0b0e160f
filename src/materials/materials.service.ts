import { HttpException, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { EntityManager, In, Repository } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Attendee } from '../attendees/attendee.entity';
import { userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Clock } from '../common/clock';
import { badField, CodedDetail, conflict, notFound, refusal, tooLarge, unsupportedType } from '../common/errors';
import { newId } from '../common/ids';
import { readStreamedUpload } from '../common/import-upload';
import { controlCharacterIn, nfc } from '../common/text';
import { readZipDirectory } from '../common/zip-directory';
import { AppConfig } from '../config/app-config';
import { ConferenceRemovalSteps } from '../conferences/conference-removal-steps';
import { conferenceOrFail } from '../bridge-points/conference-visibility';
import { Conference } from '../conferences/conference.entity';
import { forUpdate } from '../database/row-lock';
import { TransactionRunner } from '../database/transaction-runner';
import { NewMessage, OutboxService } from '../outbox/outbox.service';
import { MaterialStorage, StoredFile, StoredFileTooLarge } from '../storage/material-storage';
import { answerFile } from './material-file-answer';
import { MATERIAL_TYPES, MaterialType, materialFileName, SIGNATURE_BYTES, signatureType, typeNamedBy, zipType } from './material-file-type';
import { AUDIENCES_OF, MaterialDownloadsDto, MaterialListDto, MaterialResponseDto, ResendResultDto, toMaterialResponse } from './material.dto';
import { Material, MATERIAL_AUDIENCES, MaterialAudience } from './material.entity';
import { MaterialsRepository } from './materials.repository';

export const materialNotFound = (field = 'materialId') => notFound(field, 'material_not_found', 'Không tìm thấy tài liệu.');

const TITLE_MAX = 300;
const FIELDS = ['title', 'audience', 'agendaItemId'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Delegates who were sent an invitation (and so a link) and still hold their place or answered yes. */
const INVITED = ['invited', 'registered', 'accepted', 'attended'];
const ACCEPTED_TYPES = 'PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), ZIP, ảnh PNG hoặc JPEG';

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

interface UploadFields {
  title: string;
  audience: MaterialAudience;
  agendaItemId: string | null;
}

/**
 * Conference materials (tài liệu hội nghị) as organizers and signed-in users handle them: upload
 * (type from the content, size limited while streaming), list, download, delete, who downloaded,
 * and mails to the points that have not.
 */
@Injectable()
export class MaterialsService implements OnModuleInit {
  constructor(
    @InjectRepository(Material) private readonly materials: Repository<Material>,
    private readonly repository: MaterialsRepository,
    private readonly storage: MaterialStorage,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly removalSteps: ConferenceRemovalSteps,
  ) {}

  /** Deleting a draft conference deletes its materials' rows (foreign key) and, once committed, their files. */
  onModuleInit(): void {
    this.removalSteps.register('materialFiles', async (m, conferenceId) => {
      const keys = (await m.find(Material, { select: { storageKey: true }, where: { conferenceId } })).map((row) => row.storageKey);
      return keys.length ? async () => void (await Promise.all(keys.map((key) => this.storage.remove(key)))) : null;
    });
  }

  /**
   * Streams the upload into storage (413 as soon as it passes MATERIAL_MAX_BYTES), recognizes its
   * type from the content, then records it; queues the "new materials" mails when invitations
   * have gone out. Anything refused after the file was stored removes it again.
   */
  async upload(conferenceId: string, request: FastifyRequest, user: User): Promise<MaterialResponseDto> {
    assertOpenForUploads(await conferenceOrFail(this.materials.manager, conferenceId, null));
    const maxBytes = this.config.materials.maxBytes;
    const upload = await readStreamedUpload(
      request,
      maxBytes,
      (stream) => this.store(stream, maxBytes),
      (stored) => this.storage.remove(stored.key),
    );
    // Browsers and form libraries write a quote or line break of a file name as %22, %0A, %0D (WHATWG multipart).
    const uploadedName = upload.fileName.replace(/%22/g, '"').replace(/%0[AD]/gi, ' ');
    try {
      const fields = this.fieldsOf(upload.fields);
      const type = await this.typeOf(upload.file);
      const fileName = materialFileName(uploadedName, type);
      if (fileName === null) {
        const named = typeNamedBy(uploadedName)!;
        throw unsupportedType(
          'file',
          'file_type_mismatch',
          `Tệp "${uploadedName}" mang đuôi của tệp ${MATERIAL_TYPES[named].label} nhưng nội dung là ${MATERIAL_TYPES[type].label}.`,
        );
      }
      return await this.record(conferenceId, fields, upload.file, type, fileName, user);
    } catch (error) {
      await this.storage.remove(upload.file.key);
      throw error;
    }
  }

  async list(conferenceId: string, user: User): Promise<MaterialListDto> {
    await conferenceOrFail(this.materials.manager, conferenceId, user);
    const rows = await this.materials.find({
      where: audiencesOf(user).map((audience) => ({ conferenceId, audience })),
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { items: rows.map(toMaterialResponse) };
  }

  /** The file, for a signed-in user who may see the material (operators: those for the points). Not recorded as a link download. */
  async download(conferenceId: string, materialId: string, user: User, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await conferenceOrFail(this.materials.manager, conferenceId, user);
    const material = await this.materials.findOneBy({ id: materialId, conferenceId });
    if (!material || !audiencesOf(user).includes(material.audience)) throw materialNotFound();
    await answerFile(request, reply, this.storage, material);
  }

  /** Removes the material and its download log, audited, then its file (once the removal is committed). */
  async remove(conferenceId: string, materialId: string, user: User): Promise<void> {
    const material = await this.tx.transaction(async (m) => {
      await conferenceOrFail(m, conferenceId, null);
      const found = await m.findOne(Material, { where: { id: materialId, conferenceId }, ...forUpdate(m) });
      if (!found) throw materialNotFound();
      await m.delete(Material, { id: found.id });
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'material',
        entityId: found.id,
        action: 'material.delete',
        before: { title: found.title, fileName: found.fileName, sha256: found.sha256, audience: found.audience },
      });
      return found;
    });
    await this.storage.remove(material.storageKey);
  }

  async downloads(conferenceId: string, materialId: string): Promise<MaterialDownloadsDto> {
    const material = await this.pointMaterial(conferenceId, materialId);
    const rows = await this.repository.downloadsByPoint(conferenceId, material.id);
    return {
      downloaded: rows.filter((r) => r.count > 0).map((r) => ({ bridgePointId: r.bridgePointId, name: r.name, firstAt: r.firstAt!.toISOString(), count: r.count })),
      notDownloaded: rows.filter((r) => r.count === 0 && r.confirmationStatus !== 'declined').map((r) => ({ bridgePointId: r.bridgePointId, name: r.name })),
    };
  }

  /** Mails the material again to every point that has not downloaded it (with a contact email, not declined, none waiting already). */
  async resend(conferenceId: string, materialId: string): Promise<ResendResultDto> {
    const material = await this.pointMaterial(conferenceId, materialId);
    const rows = await this.repository.downloadsByPoint(conferenceId, material.id);
    const missing = rows.filter((r) => r.count === 0 && r.confirmationStatus !== 'declined').map((r) => r.bridgePointId);
    return this.tx.transaction(async (m) => {
      const conference = await conferenceOrFail(m, conferenceId, null);
      if (conference.status === 'cancelled') throw conferenceCancelled();
      const points = missing.length ? await m.find(BridgePoint, { where: { id: In(missing) } }) : [];
      const waiting = new Set((await this.outbox.pending(m, 'material_reminder', conferenceId, `material_reminder:${material.id}:`)).map((p) => p.bridgePointId));
      const mailable = points.filter((p) => p.contactEmail && !waiting.has(p.id));
      const stamp = this.clock.now().getTime();
      const queued = await this.outbox.enqueue(
        m,
        mailable.map((p) => ({
          kind: 'material_reminder' as const,
          conferenceId,
          recipient: p.contactEmail!,
          recipientName: p.contactName ?? p.name,
          bridgePointId: p.id,
          idempotencyKey: `material_reminder:${material.id}:${p.id}:${stamp}`,
          payload: { materialId: material.id },
        })),
      );
      return {
        queued,
        notDownloaded: missing.length,
        withoutEmail: points.filter((p) => !p.contactEmail).length,
        alreadyQueued: points.filter((p) => p.contactEmail && waiting.has(p.id)).length,
      };
    });
  }

  private async pointMaterial(conferenceId: string, materialId: string): Promise<Material> {
    await conferenceOrFail(this.materials.manager, conferenceId, null);
    const material = await this.materials.findOneBy({ id: materialId, conferenceId });
    if (!material) throw materialNotFound();
    if (!(AUDIENCES_OF.bridge_point as readonly string[]).includes(material.audience)) {
      throw conflict('materialId', 'audience_without_points', 'Tài liệu này chỉ dành cho đại biểu, không gửi tới các điểm cầu.');
    }
    return material;
  }

  private async store(stream: Readable, maxBytes: number): Promise<StoredFile> {
    try {
      return await this.storage.put(stream, maxBytes);
    } catch (error) {
      if (error instanceof StoredFileTooLarge || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw tooLarge('file', 'file_too_large', `Tệp lớn hơn ${mb(maxBytes)}, mức tối đa cho một tài liệu.`);
      }
      throw error;
    }
  }

  private fieldsOf(raw: Record<string, string>): UploadFields {
    const details: CodedDetail[] = [];
    for (const name of Object.keys(raw).filter((n) => !FIELDS.includes(n))) {
      details.push({ field: name, code: 'unknown_field', message: `Trường "${name}" không dùng cho tài liệu (chỉ title, audience, agendaItemId).` });
    }
    const title = nfc(raw.title ?? '');
    if (!title) details.push({ field: 'title', code: 'title_missing', message: 'Chưa nhập tên tài liệu (trường "title").' });
    else if (title.length > TITLE_MAX) details.push({ field: 'title', code: 'title_too_long', message: `Tên tài liệu dài quá ${TITLE_MAX} ký tự.` });
    else if (controlCharacterIn(title) || /[\r\n]/.test(title)) {
      details.push({ field: 'title', code: 'control_character', message: 'Tên tài liệu chứa ký tự điều khiển hoặc xuống dòng.' });
    }
    const audience = raw.audience as MaterialAudience;
    if (!MATERIAL_AUDIENCES.includes(audience)) {
      details.push({ field: 'audience', code: 'invalid_audience', message: 'Đối tượng nhận tài liệu (audience) phải là all, bridge_points hoặc attendees.' });
    }
    const agendaItemId = raw.agendaItemId?.trim() || null;
    if (agendaItemId && !UUID.test(agendaItemId)) {
      details.push({ field: 'agendaItemId', code: 'not_a_uuid', message: 'Mã mục chương trình (agendaItemId) không đúng dạng UUID.' });
    }
    if (details.length > 0) throw refusal(400, details);
    return { title, audience, agendaItemId };
  }

  /** The type from the content: the signature, and for a ZIP its entries as the shared ZIP reader sees them. */
  private async typeOf(file: StoredFile): Promise<MaterialType> {
    const signature = signatureType(await this.storage.head(file.key, SIGNATURE_BYTES));
    if (!signature) {
      throw unsupportedType('file', 'unsupported_file_type', `Nội dung tệp không phải là ${ACCEPTED_TYPES}. Tài liệu chỉ nhận các loại tệp này.`);
    }
    if (signature !== 'zip') return signature;
    // The directory sits at the end of a ZIP: the file is read once, at upload time (downloads stream).
    let names: string[];
    try {
      names = readZipDirectory(await this.storage.read(file.key)).map((e) => e.name);
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      throw badField('file', 'unreadable_zip', 'Không đọc được tệp nén (ZIP, DOCX, XLSX hoặc PPTX): tệp hỏng hoặc không đúng định dạng.');
    }
    return zipType(names);
  }

  private async record(conferenceId: string, fields: UploadFields, file: StoredFile, type: MaterialType, fileName: string, user: User): Promise<MaterialResponseDto> {
    return this.tx.transaction(async (m) => {
      const conference = await conferenceOrFail(m, conferenceId, null, (id) => m.findOne(Conference, { where: { id }, ...forUpdate(m) }));
      assertOpenForUploads(conference);
      if (fields.agendaItemId && !(await m.existsBy(AgendaItem, { id: fields.agendaItemId, conferenceId }))) {
        throw badField('agendaItemId', 'agenda_item_not_found', 'Không tìm thấy mục chương trình này trong hội nghị.');
      }
      const material: Material = {
        id: newId(),
        conferenceId,
        agendaItemId: fields.agendaItemId,
        title: fields.title,
        fileName,
        contentType: MATERIAL_TYPES[type].contentType,
        size: file.size,
        sha256: file.sha256,
        audience: fields.audience,
        storageKey: file.key,
        createdBy: user.id,
        createdAt: this.clock.now(),
      };
      await m.insert(Material, material);
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'material',
        entityId: material.id,
        action: 'material.upload',
        after: { title: material.title, fileName, contentType: material.contentType, size: material.size, sha256: material.sha256, audience: material.audience },
      });
      await this.queueNotices(m, conference, material);
      return toMaterialResponse(material);
    });
  }

  /**
   * After invitations went out (published or ongoing), each point and delegate of the material's
   * audience gets one "new materials" mail, sent MATERIAL_NOTICE_DELAY_SECONDS later and composed
   * when it goes: a mail still waiting for someone takes this material in, so several materials
   * added together make one mail per person.
   */
  private async queueNotices(m: EntityManager, conference: Conference, material: Material): Promise<void> {
    if (conference.status !== 'published' && conference.status !== 'ongoing') return;
    const waiting = await this.outbox.pending(m, 'material_notice', conference.id);
    const waitingPoints = new Set(waiting.map((w) => w.bridgePointId).filter(Boolean));
    const waitingPeople = new Set(waiting.map((w) => w.attendeeId).filter(Boolean));
    const notBefore = new Date(material.createdAt.getTime() + this.config.materials.noticeDelayMs);
    const payload = { since: material.createdAt.toISOString() };
    const messages: NewMessage[] = [];
    if ((AUDIENCES_OF.bridge_point as readonly string[]).includes(material.audience)) {
      const points = await m.find(BridgePoint, { where: { conferenceId: conference.id }, select: { id: true, name: true, contactEmail: true, contactName: true, confirmationStatus: true } });
      for (const p of points) {
        if (!p.contactEmail || p.confirmationStatus === 'declined' || waitingPoints.has(p.id)) continue;
        messages.push({ kind: 'material_notice', conferenceId: conference.id, recipient: p.contactEmail, recipientName: p.contactName ?? p.name, bridgePointId: p.id, idempotencyKey: `material_notice:${material.id}:${p.id}`, payload, notBefore });
      }
    }
    if ((AUDIENCES_OF.attendee as readonly string[]).includes(material.audience)) {
      const people = await m.find(Attendee, { where: { conferenceId: conference.id, status: In(INVITED) }, select: { id: true, fullName: true, email: true, bridgePointId: true } });
      for (const a of people) {
        if (!a.email || waitingPeople.has(a.id)) continue;
        messages.push({ kind: 'material_notice', conferenceId: conference.id, recipient: a.email, recipientName: a.fullName, attendeeId: a.id, idempotencyKey: `material_notice:${material.id}:${a.id}`, payload, notBefore });
      }
    }
    await this.outbox.enqueue(m, messages);
  }
}

/** Operators see what is meant for the points; every other role everything. */
function audiencesOf(user: User): MaterialAudience[] {
  return user.role === 'operator' ? [...AUDIENCES_OF.bridge_point] : [...MATERIAL_AUDIENCES];
}

const conferenceCancelled = () => conflict('id', 'conference_cancelled', 'Hội nghị đã bị hủy: không nhận thêm tài liệu và không gửi thư về tài liệu.');

function assertOpenForUploads(conference: Conference): void {
  if (conference.status === 'cancelled') throw conferenceCancelled();
}
