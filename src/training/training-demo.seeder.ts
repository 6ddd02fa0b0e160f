import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Attendee } from '../attendees/attendee.entity';
import { HOLDS_PLACE } from '../attendees/waitlist';
import { newId } from '../common/ids';
import { seedsDir } from '../common/project-paths';
import { pickIndices, seededRandom } from '../common/seeded-random';
import { wallClock } from '../common/vietnamese-time';
import { Conference } from '../conferences/conference.entity';
import { issueCertificates } from './certificate-register';
import { Certificate } from './certificate.entity';
import { CompletionRepository } from './completion.repository';
import { answersOf, EvaluationAnswers, EvaluationQuestion, EvaluationQuestionKind, formOf } from './evaluation';
import { EvaluationForm, EvaluationResponse, EvaluationSubmission } from './evaluation.entity';
import { SessionAttendance, SessionAttendanceStatus } from './session-attendance.entity';
import { SessionWindow } from './session-window';

const MINUTE_MS = 60_000;

export interface TrainingDemoFile {
  conferenceId: string;
  seed: number;
  /** Who took the roll calls (a real mark names a user's email or a link). */
  markedBy: string;
  /** People who were there for the first session and left before a later one: with leave (excused) or without (absent). */
  leftEarly: { excused: number; absent: number };
  evaluation: {
    /** `session`: the index of the session (agenda item with attendanceRequired, in agenda order) the question is about. */
    questions: { text: string; kind: EvaluationQuestionKind; session?: number }[];
    /** How many of the people who came answered. */
    responses: number;
    /** Relative weights of the ratings 1–5. */
    ratingWeights: number[];
    /** The share of respondents who wrote something in a text question. */
    textShare: number;
    texts: string[];
    from: string;
    until: string;
  };
  certificates: { office: string; signerName: string; signerTitle: string; place: string; issuedAt: string };
}

/** One session's mark for one person, before it becomes a row. */
interface Mark {
  status: SessionAttendanceStatus;
  at: Date;
}

/**
 * The training demo's records (`seeds/demo-training.json`, seeded after DemoSeeder made the
 * conference and its people): attendance at every session, the evaluation form and its anonymous
 * answers, and the certificates of those who completed. The services take attendance and answers
 * only around the present time, so the rows are written here in their shape: numbers from the
 * office's register, codes from the same generator, forms and answers through the same checks.
 * Each part is added only when missing, so seeding twice changes nothing.
 */
@Injectable()
export class TrainingDemoSeeder {
  constructor(
    private readonly window: SessionWindow,
    private readonly completions: CompletionRepository,
  ) {}

  read(file = join(seedsDir(), 'demo-training.json')): TrainingDemoFile {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { conference: { id: string }; training: Omit<TrainingDemoFile, 'conferenceId'> };
    return { conferenceId: parsed.conference.id, ...parsed.training };
  }

  async seed(m: EntityManager, conferenceId: string, demo = this.read()): Promise<void> {
    const conference = await m.findOneBy(Conference, { id: conferenceId });
    if (!conference) return;
    const sessions = await m.find(AgendaItem, { where: { conferenceId, attendanceRequired: true }, order: { startsAt: 'ASC', position: 'ASC' } });
    // By email: a fixed order whatever ids the people were given.
    const people = await m.find(Attendee, { where: { conferenceId, status: In(HOLDS_PLACE) }, order: { email: 'ASC', id: 'ASC' } });
    if (!(await m.existsBy(SessionAttendance, { conferenceId }))) await this.seedAttendance(m, conferenceId, sessions, people, demo);
    const form = await this.formOf(m, conferenceId, sessions, demo);
    if (!(await m.existsBy(EvaluationSubmission, { conferenceId }))) await this.seedEvaluations(m, conferenceId, form, people, demo);
    await this.issueCertificates(m, conference, demo.certificates);
  }

  private async seedAttendance(m: EntityManager, conferenceId: string, sessions: AgendaItem[], people: Attendee[], demo: TrainingDemoFile): Promise<void> {
    const random = seededRandom(demo.seed);
    const came = people.filter((p) => p.checkedInAt);
    const { excused, absent } = demo.leftEarly;
    const leftEarly = new Map<string, SessionAttendanceStatus>(
      pickIndices(random, came.length, excused + absent).map((index, n) => [came[index].id, n < excused ? 'excused' : 'absent']),
    );
    const rows = sessions.flatMap((item, n) =>
      people.map((person) => {
        const mark = this.markOf(item, n, person, leftEarly.get(person.id), random);
        return { id: newId(), conferenceId, agendaItemId: item.id, attendeeId: person.id, ...mark, method: 'roll_call' as const, markedBy: demo.markedBy, version: 1 };
      }),
    );
    for (let i = 0; i < rows.length; i += 100) await m.insert(SessionAttendance, rows.slice(i, i + 100));
  }

  /**
   * Someone who did not come is absent at every session (recorded at its end). At the first
   * session people are marked on arrival, present or late by the session's own rule; at the
   * later ones at the roll call before the start, unless they left early.
   */
  private markOf(item: AgendaItem, n: number, person: Attendee, left: SessionAttendanceStatus | undefined, random: () => number): Mark {
    if (!person.checkedInAt) return { status: 'absent', at: item.endsAt };
    if (n === 0) {
      const at = new Date(Math.max(person.checkedInAt.getTime(), this.window.opensAt(item).getTime()));
      return { status: this.window.arrivalStatus(item, person.checkedInAt), at };
    }
    if (left) return { status: left, at: item.endsAt };
    return { status: 'present', at: new Date(item.startsAt.getTime() - Math.floor(random() * 6) * MINUTE_MS) };
  }

  /** The conference's form: the stored one, or the demo's (checked as the service checks a form) stored now. */
  private async formOf(m: EntityManager, conferenceId: string, sessions: AgendaItem[], demo: TrainingDemoFile): Promise<EvaluationQuestion[]> {
    const stored = await m.findOneBy(EvaluationForm, { conferenceId });
    if (stored) return stored.questions;
    const questions = formOf(
      demo.evaluation.questions.map((q) => ({ text: q.text, kind: q.kind, agendaItemId: q.session === undefined ? undefined : sessions[q.session]?.id })),
      new Set(sessions.map((s) => s.id)),
    );
    await m.insert(EvaluationForm, { conferenceId, questions, version: 1 });
    return questions;
  }

  /**
   * Most of the people who came answer: who submitted and what was answered are stored apart, as
   * the service stores them; the answers are drawn on their own, so their order tells nobody's.
   */
  private async seedEvaluations(m: EntityManager, conferenceId: string, questions: EvaluationQuestion[], people: Attendee[], demo: TrainingDemoFile): Promise<void> {
    if (questions.length === 0) return;
    const spec = demo.evaluation;
    const random = seededRandom(demo.seed + 1);
    const came = people.filter((p) => p.checkedInAt);
    const from = new Date(spec.from).getTime();
    const minutes = Math.floor((new Date(spec.until).getTime() - from) / MINUTE_MS);
    const submissions = pickIndices(random, came.length, spec.responses)
      .sort((a, b) => a - b)
      .map((index) => ({ conferenceId, attendeeId: came[index].id, submittedAt: new Date(from + Math.floor(random() * (minutes + 1)) * MINUTE_MS) }));
    const responses = submissions.map(() => ({ id: randomUUID(), conferenceId, answers: this.answersOf(questions, spec, random) }));
    for (let i = 0; i < submissions.length; i += 100) await m.insert(EvaluationSubmission, submissions.slice(i, i + 100));
    for (let i = 0; i < responses.length; i += 100) await m.insert(EvaluationResponse, responses.slice(i, i + 100));
  }

  /** One respondent's answers: every rating, and now and then a text; checked as the service checks a submission. */
  private answersOf(questions: EvaluationQuestion[], spec: TrainingDemoFile['evaluation'], random: () => number): EvaluationAnswers {
    const total = spec.ratingWeights.reduce((s, w) => s + w, 0);
    const rating = () => {
      let draw = random() * total;
      const index = spec.ratingWeights.findIndex((w) => (draw -= w) < 0);
      return (index < 0 ? spec.ratingWeights.length - 1 : index) + 1;
    };
    const input: Record<string, unknown> = {};
    for (const q of questions) {
      if (q.kind === 'rating') input[q.id] = rating();
      else if (random() < spec.textShare) input[q.id] = spec.texts[Math.floor(random() * spec.texts.length)];
    }
    return answersOf(questions, input);
  }

  /**
   * Certificates for everyone who completed and has none, as CertificateService.issue gives them:
   * in the order of the completion list, numbered from the office's register for the year of issue.
   */
  private async issueCertificates(m: EntityManager, conference: Conference, spec: TrainingDemoFile['certificates']): Promise<void> {
    const existing = new Set((await m.find(Certificate, { select: { attendeeId: true }, where: { conferenceId: conference.id } })).map((c) => c.attendeeId));
    const fresh = (await this.completions.completed(conference, m)).filter((r) => !existing.has(r.attendeeId));
    const issuedAt = new Date(spec.issuedAt);
    await issueCertificates(
      m,
      fresh.map((r) => ({ id: r.attendeeId, fullName: r.fullName })),
      { conferenceId: conference.id, ...spec, issuedAt, year: wallClock(issuedAt, conference.timezone).year },
    );
  }
}
