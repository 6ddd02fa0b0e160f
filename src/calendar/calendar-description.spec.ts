import { agendaLines, conferenceTime, offsetLabel } from './calendar-description';
import { CalendarAgendaItem } from './calendar-inputs';

const item = (startsAt: string, endsAt: string, title: string, speakerNames: string[] = []): CalendarAgendaItem => ({
  id: title,
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  title,
  kind: 'presentation',
  version: 1,
  speakerNames,
});

describe('calendar description wording', () => {
  it('writes the conference time in its own zone with the offset', () => {
    const conference = {
      startsAt: new Date('2022-07-15T01:00:00Z'),
      endsAt: new Date('2022-07-15T04:30:00Z'),
      timezone: 'Asia/Ho_Chi_Minh',
    };
    expect(conferenceTime(conference)).toBe('từ 08:00 đến 11:30, thứ Sáu, ngày 15/7/2022 (GMT+7)');
    expect(offsetLabel(new Date('2025-01-15T00:00:00Z'), 'Europe/Paris')).toBe('GMT+1');
  });

  it('lists the agenda in time order, with speakers, and names each day when it spans several', () => {
    const oneDay = [
      item('2025-07-15T01:40:00Z', '2025-07-15T02:10:00Z', 'Thảo luận', ['Lê Văn A', 'Phạm Thị B']),
      item('2025-07-15T01:10:00Z', '2025-07-15T01:40:00Z', 'Báo cáo chuyên đề'),
    ];
    expect(agendaLines(oneDay, 'Asia/Ho_Chi_Minh')).toEqual(['08:10–08:40 Báo cáo chuyên đề', '08:40–09:10 Thảo luận — Lê Văn A, Phạm Thị B']);

    const twoDays = [...oneDay, item('2025-07-16T01:00:00Z', '2025-07-16T02:00:00Z', 'Thực hành')];
    expect(agendaLines(twoDays, 'Asia/Ho_Chi_Minh')).toEqual([
      'Thứ Ba, ngày 15/7/2025:',
      '08:10–08:40 Báo cáo chuyên đề',
      '08:40–09:10 Thảo luận — Lê Văn A, Phạm Thị B',
      'Thứ Tư, ngày 16/7/2025:',
      '08:00–09:00 Thực hành',
    ]);
  });
});
