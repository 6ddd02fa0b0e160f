import { Conference } from '../conferences/conference.entity';
import { ActionItem } from './action-item.entity';
import { draftSections } from './minutes-draft';
import { MinutesSource, SourcePoint } from './minutes-source.repository';

const conference = {
  id: 'c1',
  title: 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2022',
  hostOrganization: 'Ban Dân vận Trung ương',
  startsAt: new Date('2022-07-14T17:30:00Z'), // 00:30 on 15 July in Hà Nội
  endsAt: new Date('2022-07-15T04:30:00Z'),
  timezone: 'Asia/Ho_Chi_Minh',
  venue: null,
  chairName: 'Bùi Thị Minh Hoài',
  chairTitle: 'Trưởng Ban Dân vận Trung ương',
} as Conference;

const point = (over: Partial<SourcePoint> & Pick<SourcePoint, 'id' | 'name'>): SourcePoint => ({
  isMain: false,
  address: null,
  expectedAttendees: null,
  reportedAttendees: null,
  checkedInAttendees: 0,
  connectionStatus: 'ok',
  confirmationStatus: 'confirmed',
  ...over,
});

const source = (over: Partial<MinutesSource> = {}): MinutesSource => ({
  conference,
  points: [
    point({ id: 'p0', name: 'Điểm cầu Trung ương', isMain: true, address: 'Số 1 Hùng Vương', expectedAttendees: 80, reportedAttendees: 78, checkedInAttendees: 1 }),
    point({ id: 'p1', name: 'Điểm cầu tỉnh Bắc Giang', expectedAttendees: 60, checkedInAttendees: 1, connectionStatus: 'degraded' }),
    point({ id: 'p2', name: 'Điểm cầu tỉnh Cao Bằng', expectedAttendees: 30, connectionStatus: 'untested', confirmationStatus: 'declined' }),
  ],
  attendees: [
    { bridgePointId: 'p1', fullName: 'Nguyễn Văn An', title: null },
    { bridgePointId: 'p0', fullName: 'Lê Thị Mai', title: 'Vụ trưởng' },
    { bridgePointId: 'gone', fullName: 'Ai đó', title: null },
  ],
  agenda: [
    { id: 'a1', startsAt: new Date('2022-07-15T01:10:00Z'), title: 'Báo cáo', description: null, speakers: [{ fullName: 'Phạm Tất Thắng', title: null }] },
  ],
  actionItems: [{ id: 'i1', description: 'Làm A', assignee: 'Tỉnh ủy Bắc Giang', deadline: '2022-12-31' } as ActionItem],
  ...over,
});

describe('the first draft of the minutes', () => {
  it('takes the header from the host organization and the date from the conference wall clock', () => {
    const s = draftSections(source(), [], {});
    expect(s.header).toEqual({
      superiorBody: null,
      issuingBody: 'Ban Dân vận Trung ương',
      abbreviation: 'BDVTW',
      number: null,
      place: 'Hà Nội',
      date: '2022-07-15',
    });
    expect(s.opening.venue).toBe('Số 1 Hùng Vương');
  });

  it('lists every point with its connection state and its actual attendance, counting as connected only points a check found connected', () => {
    const s = draftSections(source(), [], {});
    expect(s.bridgePoints).toEqual({
      count: 1,
      items: [
        { bridgePointId: 'p0', name: 'Điểm cầu Trung ương', expected: 80, actual: 78, isMain: true, connection: 'ok', confirmation: 'confirmed' },
        { bridgePointId: 'p1', name: 'Điểm cầu tỉnh Bắc Giang', expected: 60, actual: 1, isMain: false, connection: 'degraded', confirmation: 'confirmed' },
        { bridgePointId: 'p2', name: 'Điểm cầu tỉnh Cao Bằng', expected: 30, actual: null, isMain: false, connection: 'untested', confirmation: 'declined' },
      ],
    });
  });

  it('lists who attended under their point with the point\'s attendance, dropping unknown points and points without attendance', () => {
    const s = draftSections(source(), [], {});
    expect(s.composition.delegatesByBridgePoint.map((d) => [d.name, d.count, d.delegates.map((x) => x.name)])).toEqual([
      ['Điểm cầu Trung ương', 78, ['Lê Thị Mai']],
      ['Điểm cầu tỉnh Bắc Giang', 1, ['Nguyễn Văn An']],
    ]);
  });

  it('writes proceedings with wall-clock times and speakers, and copies the action items', () => {
    const s = draftSections(source(), [], { secretaryName: 'Nguyễn Thị Thu Hà' });
    expect(s.proceedings).toEqual([{ agendaItemId: 'a1', time: '08:10', title: 'Báo cáo', speakers: ['Phạm Tất Thắng'], summary: '' }]);
    expect(s.actionItems).toEqual([{ actionItemId: 'i1', description: 'Làm A', assignee: 'Tỉnh ủy Bắc Giang', deadline: '2022-12-31' }]);
    expect(s.signatures.secretary).toEqual({ title: '', name: 'Nguyễn Thị Thu Hà' });
    expect(s.distribution[s.distribution.length - 1]).toBe('Lưu: VT');
  });

  it('uses what the request gives over what it derives', () => {
    const s = draftSections(source(), [], { issuingBody: 'Văn phòng Chính phủ', place: 'Bắc Giang', number: '7', superiorBody: 'Chính phủ' });
    expect(s.header).toMatchObject({ issuingBody: 'Văn phòng Chính phủ', abbreviation: 'VPCP', place: 'Bắc Giang', number: '7', superiorBody: 'Chính phủ' });
  });
});
