import { BadRequestException, ConflictException } from '@nestjs/common';
import {
  assertNoOverlap,
  assertWithinConference,
  ConferenceWindow,
  findOverlap,
  formatSpan,
  isSingleDay,
  Slot,
} from './agenda-overlap';

const at = (time: string, day = '2025-07-15') => new Date(`${day}T${time}:00+07:00`);
const conference: ConferenceWindow = { startsAt: at('08:00'), endsAt: at('11:30'), timezone: 'Asia/Ho_Chi_Minh' };
const slot = (id: string, from: string, to: string, bridgePointId: string | null = null, title = id): Slot => ({
  id,
  title,
  startsAt: at(from),
  endsAt: at(to),
  bridgePointId,
});

interface Refusal {
  status: number;
  body: { message: string; details: { field: string; code: string; message: string }[] };
}

function thrown(fn: () => void): Refusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof BadRequestException || error instanceof ConflictException) {
      return { status: error.getStatus(), body: error.getResponse() as never };
    }
    throw error;
  }
  throw new Error('expected the rule to refuse');
}

describe('agenda item window rule', () => {
  it('accepts an item that fills the whole conference, both ends included', () => {
    expect(() => assertWithinConference({ startsAt: at('08:00'), endsAt: at('11:30') }, conference)).not.toThrow();
  });

  it('refuses an item that ends when it starts, naming endsAt', () => {
    const error = thrown(() => assertWithinConference({ startsAt: at('09:00'), endsAt: at('09:00') }, conference));
    expect(error.status).toBe(400);
    expect(error.body.details).toEqual([
      { field: 'endsAt', code: 'ends_before_start', message: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.' },
    ]);
  });

  it('refuses an item that starts before the conference, naming startsAt and the window', () => {
    const error = thrown(() => assertWithinConference({ startsAt: at('07:30'), endsAt: at('08:30') }, conference));
    expect(error.status).toBe(400);
    expect(error.body.details[0]).toMatchObject({ field: 'startsAt', code: 'outside_conference_window' });
    expect(error.body.message).toBe(
      'Thời điểm bắt đầu phải nằm trong thời gian diễn ra hội nghị: 15/07/2025 08:00–11:30 (Asia/Ho_Chi_Minh).',
    );
  });

  it('refuses an item that starts after the conference ends, naming startsAt', () => {
    const error = thrown(() => assertWithinConference({ startsAt: at('12:00'), endsAt: at('12:30') }, conference));
    expect(error.body.details[0]).toMatchObject({ field: 'startsAt', code: 'outside_conference_window' });
  });

  it('refuses an item that runs past the end of the conference, naming endsAt', () => {
    const error = thrown(() => assertWithinConference({ startsAt: at('11:00'), endsAt: at('11:45') }, conference));
    expect(error.body.details[0]).toMatchObject({ field: 'endsAt', code: 'outside_conference_window' });
    expect(error.body.message).toBe(
      'Thời điểm kết thúc phải nằm trong thời gian diễn ra hội nghị: 15/07/2025 08:00–11:30 (Asia/Ho_Chi_Minh).',
    );
  });
});

describe('agenda item overlap rule', () => {
  const items = [
    slot('a', '08:00', '08:30', null, 'Khai mạc'),
    slot('b', '08:30', '09:15', null, 'Báo cáo sơ kết'),
    slot('c', '08:30', '09:15', 'bp-1', 'Tham luận của tỉnh'),
  ];

  it('lets an item start the minute the previous one ends', () => {
    expect(findOverlap(slot('new', '09:15', '10:00'), items)).toBeUndefined();
  });

  it('finds the earliest item in the same place whose time overlaps', () => {
    expect(findOverlap(slot('new', '08:15', '09:00'), items)?.id).toBe('a');
    expect(findOverlap(slot('new', '09:00', '09:30'), items)?.id).toBe('b');
  });

  it('finds an item that lies entirely inside the new one', () => {
    expect(findOverlap(slot('new', '08:20', '10:00'), items)?.id).toBe('a');
  });

  it('treats the main hall and each bridge point as separate places', () => {
    expect(findOverlap(slot('new', '08:40', '09:00', 'bp-1'), items)?.id).toBe('c');
    expect(findOverlap(slot('new', '08:40', '09:00', 'bp-2'), items)).toBeUndefined();
  });

  it('does not compare an item with itself when it is moved', () => {
    expect(findOverlap(slot('b', '08:45', '09:30'), items)).toBeUndefined();
  });

  it('answers 409 naming the colliding item by title and local time', () => {
    const error = thrown(() => assertNoOverlap(slot('new', '09:00', '09:30'), items, conference));
    expect(error.status).toBe(409);
    expect(error.body.message).toBe('Trùng thời gian với mục "Báo cáo sơ kết" (08:30–09:15) tại hội trường chính.');
    expect(error.body.details).toEqual([
      { field: 'startsAt', code: 'time_overlap', message: 'Trùng thời gian với mục "Báo cáo sơ kết" (08:30–09:15) tại hội trường chính.' },
    ]);
  });

  it('shows the time in the conference time zone, not UTC', () => {
    const tokyo = { ...conference, timezone: 'Asia/Tokyo' };
    const error = thrown(() => assertNoOverlap(slot('new', '09:00', '09:30', 'bp-1'), items, tokyo));
    expect(error.body.message).toBe('Trùng thời gian với mục "Tham luận của tỉnh" (10:30–11:15) tại cùng điểm cầu.');
    expect(error.body.details[0].code).toBe('time_overlap');
  });

  it('adds the date to the colliding time when the conference spans several days', () => {
    const training = { ...conference, endsAt: at('17:00', '2025-07-16') };
    const error = thrown(() => assertNoOverlap(slot('new', '09:00', '09:30'), items, training));
    expect(error.body.message).toContain('(15/07/2025 08:30–09:15)');
  });
});

describe('formatSpan', () => {
  it('writes a span that crosses midnight with both dates', () => {
    expect(formatSpan(at('22:00'), at('01:00', '2025-07-16'), 'Asia/Ho_Chi_Minh', true)).toBe(
      '15/07/2025 22:00 – 16/07/2025 01:00',
    );
  });

  it('counts a conference that ends at midnight as one day', () => {
    expect(isSingleDay({ startsAt: at('20:00'), endsAt: at('00:00', '2025-07-16'), timezone: 'Asia/Ho_Chi_Minh' })).toBe(true);
  });
});
