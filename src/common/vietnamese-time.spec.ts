import { vnDateTime, vnRange } from './vietnamese-time';

describe('Vietnamese time wording', () => {
  const start = new Date('2022-07-15T01:00:00Z');
  const end = new Date('2022-07-15T04:30:00Z');

  it('writes a time the Vietnamese way in the conference time zone, whatever the server zone', () => {
    expect(vnDateTime(start, 'Asia/Ho_Chi_Minh')).toBe('08:00, thứ Sáu, ngày 15/7/2022');
    expect(vnRange(start, end, 'Asia/Ho_Chi_Minh')).toBe('từ 08:00 đến 11:30, thứ Sáu, ngày 15/7/2022');
  });

  it('names Sunday as Chủ nhật and writes both days when a range spans midnight', () => {
    expect(vnDateTime(new Date('2022-07-17T02:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('09:00, Chủ nhật, ngày 17/7/2022');
    expect(vnRange(new Date('2022-07-15T16:00:00Z'), new Date('2022-07-15T18:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(
      'từ 23:00, thứ Sáu, ngày 15/7/2022 đến 01:00, thứ Bảy, ngày 16/7/2022',
    );
  });
});
