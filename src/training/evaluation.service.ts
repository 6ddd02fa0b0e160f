import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, QueryFailedError, Repository } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Attendee } from '../attendees/attendee.entity';
import { HOLDS_PLACE } from '../attendees/waitlist';
import { userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { SignedLinksService } from '../auth/signed-links.service';
import { User } from '../auth/user.entity';
import { Clock } from '../common/clock';
import { conflict } from '../common/errors';
import { contentDisposition, ExportFile, shortTitle, XLSX_CONTENT_TYPE } from '../common/spreadsheet-export';
import { CloneContext, ConferenceCloneSteps } from '../conferences/conference-clone-steps';
import { isClosed } from '../conferences/conference-lifecycle';
import { Conference } from '../conferences/conference.entity';
import { conferenceOrFail } from '../bridge-points/conference-visibility';
import { TransactionRunner } from '../database/transaction-runner';
import { answersOf, checkEdit, EvaluationQuestion, formOf, summarize } from './evaluation';
import { EvaluationFormDto, EvaluationFormResponseDto, EvaluationSummaryDto, PublicEvaluationResponseDto, QuestionSummaryDto } from './evaluation.dto';
import { EvaluationForm, EvaluationResponse, EvaluationSubmission } from './evaluation.entity';
import { evaluationsXlsx } from './evaluation-export';
import { unknownLink } from '../auth/link-errors';

/** Whether a conference takes answers now: ongoing or completed, or published once its start has passed. */
export function takesAnswers(conference: Pick<Conference, 'status' | 'startsAt'>, now: Date): boolean {
  return conference.status === 'ongoing' || conference.status === 'completed' || (conference.status === 'published' && conference.startsAt <= now);
}

/** What a holder of an RSVP link sees of the evaluation: the questions, and whether they answered or may answer. */
export interface EvaluationOfLink {
  questions: EvaluationQuestion[];
  submitted: boolean;
  open: boolean;
}

/**
 * The evaluation form (phiếu đánh giá) of a conference, its anonymous answers and their summary.
 * A response holds the answers only; who submitted is kept apart (evaluation_submissions), in the
 * same transaction, so each person answers once and completion can count it.
 */
@Injectable()
export class EvaluationService implements OnModuleInit {
  constructor(
    @InjectRepository(EvaluationForm) private readonly forms: Repository<EvaluationForm>,
    private readonly links: SignedLinksService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly cloneSteps: ConferenceCloneSteps,
  ) {}

  /** A clone of a conference gets a copy of its form (questions about a session follow the session's copy), with no answers. */
  onModuleInit(): void {
    this.cloneSteps.register('evaluationForm', (context) => this.copyForm(context), 30);
  }

  async form(conferenceId: string, user: User): Promise<EvaluationFormResponseDto> {
    const m = this.forms.manager;
    await conferenceOrFail(m, conferenceId, user);
    const [form, responses] = await Promise.all([m.findOneBy(EvaluationForm, { conferenceId }), m.countBy(EvaluationResponse, { conferenceId })]);
    return { questions: form?.questions ?? [], version: form?.version ?? 0, responses };
  }

  async saveForm(conferenceId: string, dto: EvaluationFormDto, user: User): Promise<EvaluationFormResponseDto> {
    return this.tx.transaction(async (m) => {
      const conference = await conferenceOrFail(m, conferenceId, user);
      if (isClosed(conference.status)) {
        throw conflict('status', 'conference_closed', 'Hội nghị đã kết thúc hoặc đã bị hủy: không thể sửa phiếu đánh giá.');
      }
      const items = await m.find(AgendaItem, { select: { id: true }, where: { conferenceId } });
      const questions = formOf(dto.questions, new Set(items.map((i) => i.id)));
      // One after another: a transaction is one connection, which runs one query at a time.
      const form = await m.findOneBy(EvaluationForm, { conferenceId });
      const responses = await m.countBy(EvaluationResponse, { conferenceId });
      if (form && responses > 0) checkEdit(form.questions, questions);
      const saved = await m.save(EvaluationForm, { conferenceId, questions, version: (form?.version ?? 0) + 1 });
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'evaluation_form',
        entityId: conferenceId,
        action: form ? 'update' : 'create',
        before: form ? { questions: form.questions, version: form.version } : null,
        after: { questions: saved.questions, version: saved.version },
      });
      return { questions: saved.questions, version: saved.version, responses };
    });
  }

  private async copyForm({ manager: m, sourceId, copyId, agendaItemIds }: CloneContext): Promise<number> {
    const form = await m.findOneBy(EvaluationForm, { conferenceId: sourceId });
    if (!form) return 0;
    const questions = form.questions.map((q) => (q.agendaItemId ? { ...q, agendaItemId: agendaItemIds.get(q.agendaItemId) ?? q.agendaItemId } : q));
    await m.insert(EvaluationForm, { conferenceId: copyId, questions, version: 1 });
    return 1;
  }

  /** The form as the holder of an RSVP link sees it. */
  async ofLink(token: string): Promise<EvaluationOfLink> {
    const { attendee, conference } = await this.holderOf(token);
    const m = this.forms.manager;
    const [form, submitted] = await Promise.all([
      m.findOneBy(EvaluationForm, { conferenceId: conference.id }),
      m.existsBy(EvaluationSubmission, { conferenceId: conference.id, attendeeId: attendee.id }),
    ]);
    const questions = form?.questions ?? [];
    const open = questions.length > 0 && !submitted && this.mayAnswer(conference, attendee);
    return { questions, submitted, open };
  }

  async publicView(token: string): Promise<PublicEvaluationResponseDto> {
    return this.ofLink(token);
  }

  /** Records the answers of the link's holder, once: the answers anonymous, the fact of submitting against them. */
  async submit(token: string, input: Record<string, unknown>): Promise<void> {
    const { attendee, conference } = await this.holderOf(token);
    await this.tx.transaction(async (m) => {
      const form = await m.findOneBy(EvaluationForm, { conferenceId: conference.id });
      if (!form || form.questions.length === 0) {
        throw conflict('conferenceId', 'no_evaluation_form', 'Hội nghị này không có phiếu đánh giá.');
      }
      if (conference.status === 'cancelled') throw conflict('status', 'conference_closed', 'Hội nghị đã bị hủy.');
      if (!takesAnswers(conference, this.clock.now())) {
        throw conflict('status', 'evaluation_not_open', 'Phiếu đánh giá chỉ nhận trả lời khi hội nghị đã bắt đầu.');
      }
      if (!HOLDS_PLACE.includes(attendee.status)) {
        throw conflict('attendee', 'not_holding_place', 'Chỉ đại biểu có tên trong danh sách tham dự mới gửi được phiếu đánh giá.');
      }
      if (await m.existsBy(EvaluationSubmission, { conferenceId: conference.id, attendeeId: attendee.id })) throw alreadySubmitted();
      const answers = answersOf(form.questions, input);
      await this.record(m, conference.id, attendee.id, answers);
    });
  }

  async summary(conferenceId: string, user: User): Promise<EvaluationSummaryDto> {
    const m = this.forms.manager;
    const conference = await conferenceOrFail(m, conferenceId, user);
    return (await this.summaryOf(m, conference)).summary;
  }

  async exportXlsx(conferenceId: string, user: User): Promise<ExportFile> {
    const m = this.forms.manager;
    const conference = await conferenceOrFail(m, conferenceId, user);
    const { summary } = await this.summaryOf(m, conference);
    const body = await evaluationsXlsx(summary);
    const name = `Kết quả phiếu đánh giá - ${shortTitle(conference.title)}.xlsx`;
    return { contentType: XLSX_CONTENT_TYPE, disposition: contentDisposition(name), body };
  }

  private async summaryOf(m: EntityManager, conference: Conference): Promise<{ summary: EvaluationSummaryDto }> {
    const [form, rows, items] = await Promise.all([
      m.findOneBy(EvaluationForm, { conferenceId: conference.id }),
      m.find(EvaluationResponse, { select: { answers: true }, where: { conferenceId: conference.id } }),
      m.find(AgendaItem, { select: { id: true, title: true }, where: { conferenceId: conference.id }, order: { startsAt: 'ASC', position: 'ASC' } }),
    ]);
    const order = new Map(items.map((item, i) => [item.id, i]));
    const titles = new Map(items.map((item) => [item.id, item.title]));
    const rank = (q: { agendaItemId?: string }) => (q.agendaItemId ? (order.get(q.agendaItemId) ?? items.length) + 1 : 0);
    const questions: QuestionSummaryDto[] = summarize(form?.questions ?? [], rows.map((r) => r.answers))
      .map((q, i) => ({ q, i }))
      .sort((a, b) => rank(a.q) - rank(b.q) || a.i - b.i)
      .map(({ q }) => (q.agendaItemId && titles.has(q.agendaItemId) ? { ...q, agendaItemTitle: titles.get(q.agendaItemId)! } : q));
    return { summary: { responses: rows.length, questions } };
  }

  private async record(m: EntityManager, conferenceId: string, attendeeId: string, answers: Record<string, number | string>): Promise<void> {
    try {
      await m.insert(EvaluationSubmission, { conferenceId, attendeeId, submittedAt: this.clock.now() });
    } catch (error) {
      // Two posts at once: the second meets the first one's row.
      if (error instanceof QueryFailedError) throw alreadySubmitted();
      throw error;
    }
    await m.insert(EvaluationResponse, { id: randomUUID(), conferenceId, answers });
  }

  private mayAnswer(conference: Conference, attendee: Attendee): boolean {
    return conference.status !== 'cancelled' && takesAnswers(conference, this.clock.now()) && HOLDS_PLACE.includes(attendee.status);
  }

  private async holderOf(token: string): Promise<{ attendee: Attendee; conference: Conference }> {
    const link = await this.links.resolve(token, 'attendee');
    const m = this.forms.manager;
    // A link outlives the attendee it was made for when they are removed from the list.
    const attendee = await m.findOneBy(Attendee, { id: link.attendeeId! });
    if (!attendee) throw unknownLink();
    return { attendee, conference: await m.findOneByOrFail(Conference, { id: link.conferenceId }) };
  }
}

const alreadySubmitted = () => conflict('attendee', 'already_submitted', 'Đồng chí đã gửi phiếu đánh giá; mỗi người chỉ gửi một lần.');
