import { HttpException } from '@nestjs/common';
import { answersOf, checkEdit, EvaluationQuestion, formOf, summarize } from './evaluation';

const detailsOf = (fn: () => unknown): { status: number; codes: string[]; fields: string[] } => {
  try {
    fn();
  } catch (error) {
    const e = error as HttpException;
    const details = (e.getResponse() as { details: { code: string; field: string }[] }).details;
    return { status: e.getStatus(), codes: details.map((d) => d.code), fields: details.map((d) => d.field) };
  }
  throw new Error('no refusal');
};

const ITEM = '11111111-1111-4111-8111-111111111111';
const FORM: EvaluationQuestion[] = [
  { id: 'chung', text: 'Mức độ hài lòng chung', kind: 'rating' },
  { id: 'gop-y', text: 'Góp ý', kind: 'text' },
  { id: 'cd1', text: 'Chuyên đề 1 thiết thực', kind: 'rating', agendaItemId: ITEM },
];

describe('evaluation form', () => {
  it('keeps given ids, gives q1, q2… to the others (never one already taken), trims texts', () => {
    const form = formOf(
      [
        { text: ' Câu một ', kind: 'rating' },
        { id: 'q1', text: 'Câu hai', kind: 'text' },
        { text: 'Câu ba', kind: 'rating', agendaItemId: ITEM },
      ],
      new Set([ITEM]),
    );
    expect(form).toEqual([
      { id: 'q2', text: 'Câu một', kind: 'rating' },
      { id: 'q1', text: 'Câu hai', kind: 'text' },
      { id: 'q3', text: 'Câu ba', kind: 'rating', agendaItemId: ITEM },
    ]);
  });

  it('refuses bad ids, repeated ids, empty or long texts, foreign agenda items and more than 50 questions', () => {
    const bad = detailsOf(() =>
      formOf(
        [
          { id: 'có dấu', text: 'a', kind: 'rating' },
          { id: 'x', text: 'a', kind: 'rating' },
          { id: 'x', text: '  ', kind: 'text' },
          { text: 'a'.repeat(501), kind: 'text' },
          { text: 'a', kind: 'rating', agendaItemId: '22222222-2222-4222-8222-222222222222' },
        ],
        new Set([ITEM]),
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.codes).toEqual(['invalid_question_id', 'duplicate_question_id', 'invalid_question_text', 'invalid_question_text', 'agenda_item_not_found']);
    expect(bad.fields).toEqual(['questions[0].id', 'questions[2].id', 'questions[2].text', 'questions[3].text', 'questions[4].agendaItemId']);
    const many = Array.from({ length: 51 }, () => ({ text: 'Câu hỏi', kind: 'rating' as const }));
    expect(detailsOf(() => formOf(many, new Set())).codes).toEqual(['too_many_questions']);
    expect(formOf(many.slice(1), new Set())).toHaveLength(50);
  });

  it('once answered, keeps each question with its kind and session; wording may change and questions may be added', () => {
    expect(() => checkEdit(FORM, [{ ...FORM[0], text: 'Hài lòng chung' }, FORM[1], FORM[2], { id: 'moi', text: 'Mới', kind: 'text' }])).not.toThrow();
    const removed = detailsOf(() => checkEdit(FORM, [FORM[0], FORM[2]]));
    expect(removed).toMatchObject({ status: 409, codes: ['evaluation_form_answered'] });
    expect(detailsOf(() => checkEdit(FORM, [FORM[0], { ...FORM[1], kind: 'rating' }, FORM[2]])).codes).toEqual(['evaluation_form_answered']);
    expect(detailsOf(() => checkEdit(FORM, [FORM[0], FORM[1], { ...FORM[2], agendaItemId: undefined }])).codes).toEqual(['evaluation_form_answered']);
  });
});

describe('evaluation answers', () => {
  it('keeps ratings 1–5 (also as digits in text, as a page sends them) and trimmed texts; an empty answer is no answer', () => {
    expect(answersOf(FORM, { chung: 5, 'gop-y': '  Rất bổ ích ', cd1: '3' })).toEqual({ chung: 5, 'gop-y': 'Rất bổ ích', cd1: 3 });
    expect(answersOf(FORM, { chung: 1, 'gop-y': '   ', cd1: null })).toEqual({ chung: 1 });
  });

  it.each([
    ['invalid_rating', { chung: 0 }],
    ['invalid_rating', { chung: 6 }],
    ['invalid_rating', { chung: 4.5 }],
    ['invalid_rating', { chung: 'năm' }],
    ['invalid_rating', { chung: true }],
    ['invalid_text', { 'gop-y': 5 }],
    ['text_too_long', { 'gop-y': 'a'.repeat(2001) }],
    ['unknown_question', { khac: 5 }],
    ['no_answers', {}],
    ['no_answers', { chung: '', 'gop-y': '' }],
  ])('refuses %s (case %#)', (code, answers) => {
    const refused = detailsOf(() => answersOf(FORM, answers));
    expect(refused.status).toBe(400);
    expect(refused.codes).toEqual([code]);
  });

  it('accepts a text of exactly 2,000 characters', () => {
    expect(answersOf(FORM, { 'gop-y': 'a'.repeat(2000) })['gop-y']).toHaveLength(2000);
  });
});

describe('evaluation summary', () => {
  it('counts, averages to 2 decimals and distributes ratings; lists texts sorted; skips the unanswered', () => {
    const summary = summarize(FORM, [
      { chung: 5, 'gop-y': 'Tăng thời lượng thảo luận', cd1: 4 },
      { chung: 4, cd1: 4 },
      { chung: 4, 'gop-y': 'Bố trí hội trường tốt' },
      { 'gop-y': 'Ấn phẩm đẹp' },
    ]);
    expect(summary).toEqual([
      { id: 'chung', text: 'Mức độ hài lòng chung', kind: 'rating', count: 3, mean: 4.33, distribution: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 } },
      { id: 'gop-y', text: 'Góp ý', kind: 'text', count: 3, answers: ['Ấn phẩm đẹp', 'Bố trí hội trường tốt', 'Tăng thời lượng thảo luận'] },
      { id: 'cd1', text: 'Chuyên đề 1 thiết thực', kind: 'rating', agendaItemId: ITEM, count: 2, mean: 4, distribution: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 0 } },
    ]);
  });

  it('rounds half up and answers a null mean with no answers', () => {
    const [q] = summarize([FORM[0]], [{ chung: 4 }, { chung: 4 }, { chung: 4 }, { chung: 5 }, { chung: 4 }, { chung: 4 }, { chung: 4 }, { chung: 4 }]);
    expect(q.mean).toBe(4.13);
    expect(summarize([FORM[0]], [])[0]).toMatchObject({ count: 0, mean: null, distribution: { '1': 0, '5': 0 } });
  });
});
