import { Conference } from '../conferences/conference.entity';
import { draftNotice } from './conclusion-notice-draft';
import { MinutesSections } from './minutes-sections';

const conference = (format: Conference['format']) => ({ format, timezone: 'Asia/Ho_Chi_Minh' }) as Conference;

const minutes = (connected: number) =>
  ({
    header: { superiorBody: null, issuingBody: 'Ban Dân vận Trung ương', abbreviation: 'BDVTW', number: '52', place: 'Hà Nội', date: '2022-07-15' },
    title: 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2022',
    opening: { startedAt: '2022-07-15T01:00:00.000Z', venue: null },
    bridgePoints: { count: connected, items: [] },
    conclusions: [],
    actionItems: [],
    signatures: { secretary: { title: '', name: '' }, chair: { title: 'Trưởng Ban Dân vận Trung ương', name: 'Bùi Thị Minh Hoài' } },
  }) as unknown as MinutesSections;

describe('the conclusion notice drafted from the minutes', () => {
  it('says how many points the conference was connected to, as the minutes counted them by check', () => {
    expect(draftNotice(conference('online'), minutes(63), '2022-07-20', null).introduction).toContain('theo hình thức trực tuyến, kết nối tới 63 điểm cầu.');
    expect(draftNotice(conference('online'), minutes(1), '2022-07-20', null).introduction).toContain('kết nối tới 1 điểm cầu.');
  });

  it('says nothing of connections when no point was found connected, or the conference met in person', () => {
    expect(draftNotice(conference('online'), minutes(0), '2022-07-20', null).introduction).not.toContain('kết nối');
    expect(draftNotice(conference('in_person'), minutes(5), '2022-07-20', null).introduction).not.toContain('kết nối');
  });
});
