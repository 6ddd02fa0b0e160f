import { BoardPointRow, diffPoints, layOut, tileOf } from './board-tiles';

const point = (overrides: Partial<BoardPointRow>): BoardPointRow => ({
  id: 'id',
  name: 'Điểm cầu',
  level: 'provincial',
  isMain: false,
  region: 'Đồng bằng sông Hồng',
  provinceCode: '01',
  confirmationStatus: 'pending',
  connectionStatus: 'untested',
  expectedAttendees: null,
  reportedAttendees: null,
  checkedInAttendees: 0,
  ...overrides,
});

describe('status board tiles', () => {
  it('codes a tile state as confirmation and connection letters with the attendance figures', () => {
    expect(tileOf(point({ id: 'a', name: 'Điểm cầu tỉnh Bắc Ninh', confirmationStatus: 'confirmed', connectionStatus: 'failed', expectedAttendees: 60, reportedAttendees: 0 }))).toEqual([
      'a',
      'Điểm cầu tỉnh Bắc Ninh',
      'c',
      'f',
      60,
      0,
    ]);
    expect(tileOf(point({ confirmationStatus: 'declined', connectionStatus: 'degraded' })).slice(2, 4)).toEqual(['d', 'g']);
    expect(tileOf(point({ confirmationStatus: 'pending', connectionStatus: 'ok' })).slice(2, 4)).toEqual(['p', 'o']);
  });

  it("puts the main hall's region first, the others in Vietnamese order, and communes under their province", () => {
    const rows = [
      point({ id: 'main', name: 'Điểm cầu Trung ương', level: 'central', isMain: true, region: null, provinceCode: null }),
      point({ id: 'hn', region: 'Đồng bằng sông Hồng', provinceCode: '01' }),
      point({ id: 'ag', region: 'Đồng bằng sông Cửu Long', provinceCode: '89' }),
      point({ id: 'x2', level: 'commune', region: 'Đồng bằng sông Hồng', provinceCode: '24' }),
      point({ id: 'x1', level: 'commune', region: 'Đồng bằng sông Hồng', provinceCode: '01' }),
      point({ id: 'bn', region: 'Đồng bằng sông Hồng', provinceCode: '24' }),
    ];
    const sections = layOut(rows, new Map([['01', 'Hà Nội'], ['24', 'Bắc Ninh']]));
    expect(sections.map((s) => s.region)).toEqual(['Trung ương và khác', 'Đồng bằng sông Cửu Long', 'Đồng bằng sông Hồng']);
    const red = sections[2];
    expect(red.tiles.map((t) => t[0])).toEqual(['hn', 'bn']);
    expect(red.provinces.map((p) => [p.code, p.name, p.tiles.map((t) => t[0])])).toEqual([
      ['01', 'Hà Nội', ['x1']],
      ['24', 'Bắc Ninh', ['x2']],
    ]);
  });

  it('names a province group by its code when the name is unknown', () => {
    const [section] = layOut([point({ id: 'x', level: 'commune', provinceCode: '99' })], new Map());
    expect(section.provinces[0]).toMatchObject({ code: '99', name: '99' });
  });

  describe('diffPoints', () => {
    const before = new Map([point({ id: 'a' }), point({ id: 'b' })].map((r) => [r.id, r]));

    it('finds nothing when nothing a tile shows changed', () => {
      expect(diffPoints(before, [point({ id: 'a' }), point({ id: 'b' })])).toEqual({ kind: 'none' });
    });

    it('sends only the tiles whose state or figures changed', () => {
      const change = diffPoints(before, [point({ id: 'a', confirmationStatus: 'confirmed' }), point({ id: 'b' })]);
      expect(change).toEqual({ kind: 'tiles', tiles: [['a', 'Điểm cầu', 'c', 'u', null, null]] });
      expect(diffPoints(before, [point({ id: 'a' }), point({ id: 'b', checkedInAttendees: 12 })])).toMatchObject({ kind: 'tiles' });
    });

    it('asks for the whole board when points were added, removed, renamed or moved', () => {
      expect(diffPoints(before, [point({ id: 'a' }), point({ id: 'b' }), point({ id: 'c' })])).toEqual({ kind: 'layout' });
      expect(diffPoints(before, [point({ id: 'a' })])).toEqual({ kind: 'layout' });
      expect(diffPoints(before, [point({ id: 'a' }), point({ id: 'c' })])).toEqual({ kind: 'layout' });
      expect(diffPoints(before, [point({ id: 'a', name: 'Tên mới' }), point({ id: 'b' })])).toEqual({ kind: 'layout' });
      expect(diffPoints(before, [point({ id: 'a', region: 'Tây Nguyên' }), point({ id: 'b' })])).toEqual({ kind: 'layout' });
    });
  });
});
