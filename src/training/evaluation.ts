import { CodedDetail, refusal } from '../common/errors';

/** phiếu đánh giá: the questions of a conference's evaluation form, and the rules of its answers. */

export const EVALUATION_QUESTION_KINDS = ['rating', 'text'] as const;
export type EvaluationQuestionKind = (typeof EVALUATION_QUESTION_KINDS)[number];

export interface EvaluationQuestion {
  id: string;
  text: string;
  kind: EvaluationQuestionKind;
  /** The session (agenda item) the question is about, if any. */
  agendaItemId?: string;
}

/** An answer as stored: a rating 1–5 or a free text. */
export type EvaluationAnswer = number | string;
export type EvaluationAnswers = Record<string, EvaluationAnswer>;

export const MAX_QUESTIONS = 50;
export const MAX_QUESTION_TEXT = 500;
export const MAX_ANSWER_TEXT = 2000;
export const QUESTION_ID = /^[A-Za-z0-9_-]{1,40}$/;
export const RATINGS = [1, 2, 3, 4, 5] as const;

export interface QuestionInput {
  id?: string;
  text: string;
  kind: EvaluationQuestionKind;
  agendaItemId?: string | null;
}

/**
 * The form as it will be stored, or 400 with one detail per wrong question: at most 50
 * questions, ids unique (given, or `q1`, `q2`… for those without one), a text of 1–500
 * characters, and a session that is an agenda item of the conference.
 */
export function formOf(input: QuestionInput[], agendaItemIds: ReadonlySet<string>): EvaluationQuestion[] {
  const details: CodedDetail[] = [];
  if (input.length > MAX_QUESTIONS) {
    details.push({ field: 'questions', code: 'too_many_questions', message: `Phiếu đánh giá có tối đa ${MAX_QUESTIONS} câu hỏi.` });
  }
  const given = new Set(input.map((q) => q.id).filter((id): id is string => typeof id === 'string'));
  let next = 1;
  const freshId = () => {
    while (given.has(`q${next}`)) next++;
    given.add(`q${next}`);
    return `q${next}`;
  };
  const seen = new Set<string>();
  const questions = input.map((q, i): EvaluationQuestion => {
    const field = `questions[${i}]`;
    const id = q.id ?? freshId();
    if (!QUESTION_ID.test(id)) {
      details.push({ field: `${field}.id`, code: 'invalid_question_id', message: `Mã câu hỏi ${i + 1} chỉ gồm chữ không dấu, số, "-" hoặc "_" (tối đa 40 ký tự).` });
    } else if (seen.has(id)) {
      details.push({ field: `${field}.id`, code: 'duplicate_question_id', message: `Mã câu hỏi "${id}" bị trùng.` });
    }
    seen.add(id);
    const text = q.text.trim();
    if (text === '' || text.length > MAX_QUESTION_TEXT) {
      details.push({ field: `${field}.text`, code: 'invalid_question_text', message: `Nội dung câu hỏi ${i + 1} phải có từ 1 đến ${MAX_QUESTION_TEXT} ký tự.` });
    }
    if (q.agendaItemId && !agendaItemIds.has(q.agendaItemId)) {
      details.push({ field: `${field}.agendaItemId`, code: 'agenda_item_not_found', message: `Câu hỏi ${i + 1} gắn với một mục chương trình không thuộc hội nghị này.` });
    }
    return { id, text, kind: q.kind, ...(q.agendaItemId ? { agendaItemId: q.agendaItemId } : {}) };
  });
  if (details.length > 0) throw refusal(400, details);
  return questions;
}

/**
 * Once answers exist, the questions answered so far stay: each keeps its kind and its session
 * (its wording may be corrected), and questions may be added. Otherwise 409 evaluation_form_answered.
 */
export function checkEdit(before: EvaluationQuestion[], after: EvaluationQuestion[]): void {
  const next = new Map(after.map((q) => [q.id, q]));
  const details: CodedDetail[] = [];
  for (const q of before) {
    const now = next.get(q.id);
    if (!now) {
      details.push({ field: 'questions', code: 'evaluation_form_answered', message: `Phiếu đã có người trả lời: không thể xóa câu hỏi "${q.id}".` });
    } else if (now.kind !== q.kind || (now.agendaItemId ?? null) !== (q.agendaItemId ?? null)) {
      details.push({
        field: 'questions',
        code: 'evaluation_form_answered',
        message: `Phiếu đã có người trả lời: không thể đổi loại hoặc buổi học của câu hỏi "${q.id}".`,
      });
    }
  }
  if (details.length > 0) throw refusal(409, details);
}

/**
 * The answers as stored, or 400 with one detail per wrong answer: a rating is a whole number
 * 1–5, a text at most 2,000 characters; an empty answer (null, blank text) is no answer; at
 * least one question must be answered.
 */
export function answersOf(questions: EvaluationQuestion[], input: Record<string, unknown>): EvaluationAnswers {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const details: CodedDetail[] = [];
  const answers: EvaluationAnswers = {};
  for (const [id, value] of Object.entries(input)) {
    const field = `answers.${id}`;
    const question = byId.get(id);
    if (!question) {
      details.push({ field, code: 'unknown_question', message: `Phiếu đánh giá không có câu hỏi "${id}".` });
      continue;
    }
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    if (question.kind === 'rating') {
      const rating = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
      if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
        details.push({ field, code: 'invalid_rating', message: `Câu "${question.text}": vui lòng chọn mức đánh giá từ 1 đến 5.` });
      } else answers[id] = rating;
    } else if (typeof value !== 'string') {
      details.push({ field, code: 'invalid_text', message: `Câu "${question.text}": câu trả lời phải là văn bản.` });
    } else if (value.trim().length > MAX_ANSWER_TEXT) {
      details.push({ field, code: 'text_too_long', message: `Câu "${question.text}": câu trả lời dài quá ${MAX_ANSWER_TEXT.toLocaleString('vi-VN')} ký tự.` });
    } else answers[id] = value.trim();
  }
  if (details.length === 0 && Object.keys(answers).length === 0) {
    details.push({ field: 'answers', code: 'no_answers', message: 'Vui lòng trả lời ít nhất một câu hỏi.' });
  }
  if (details.length > 0) throw refusal(400, details);
  return answers;
}

export interface QuestionSummary {
  id: string;
  text: string;
  kind: EvaluationQuestionKind;
  agendaItemId?: string;
  /** How many answered it. */
  count: number;
  /** Ratings: the mean rounded to 2 decimals (null with no answer) and how many gave each mark. */
  mean?: number | null;
  distribution?: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** Texts: every answer, sorted (never in the order they came, which could tell who wrote them). */
  answers?: string[];
}

/** Per question: count, mean, distribution, or the texts; answers of questions no longer on the form are left out. */
export function summarize(questions: EvaluationQuestion[], responses: EvaluationAnswers[]): QuestionSummary[] {
  return questions.map((q) => {
    const given = responses.map((r) => r[q.id]).filter((a) => a !== undefined && a !== null && a !== '');
    const base = { id: q.id, text: q.text, kind: q.kind, ...(q.agendaItemId ? { agendaItemId: q.agendaItemId } : {}) };
    if (q.kind === 'rating') {
      const marks = given.filter((a): a is number => typeof a === 'number');
      const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
      for (const m of marks) distribution[String(m) as keyof typeof distribution]++;
      const sum = marks.reduce((s, m) => s + m, 0);
      return { ...base, count: marks.length, mean: marks.length ? Math.round((sum * 100) / marks.length) / 100 : null, distribution };
    }
    const texts = given.filter((a): a is string => typeof a === 'string').sort((a, b) => a.localeCompare(b, 'vi'));
    return { ...base, count: texts.length, answers: texts };
  });
}
