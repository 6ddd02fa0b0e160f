import { contentDisposition, neutralize } from '../common/spreadsheet-export';
import { localTime, toCsv } from './attendee-export-format';

describe('attendee export format', () => {
  it('writes times in the conference time zone', () => {
    expect(localTime(new Date('2025-07-15T01:05:00Z'), 'Asia/Ho_Chi_Minh')).toBe('15/07/2025 08:05');
    expect(localTime(new Date('2025-07-14T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('15/07/2025 00:30');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+84 là mã vùng', "'+84 là mã vùng"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
  ])('neutralizes %p for spreadsheets', (value, expected) => {
    expect(neutralize(value)).toBe(expected);
  });

  it('quotes values with separators, quotes or line breaks, and starts with a BOM', () => {
    const csv = toCsv(
      [
        {
          code: 'K7Q4ZP',
          fullName: 'Trần "Ba" Minh',
          title: 'Trưởng ban, Phó Bí thư',
          organization: 'Dòng 1\nDòng 2',
          email: null,
          phone: null,
          bridgePoint: 'Điểm cầu Trung ương',
          role: 'chair',
          status: 'accepted',
          checkedInAt: null,
        },
      ],
      'Asia/Ho_Chi_Minh',
      ',',
    ).toString('utf8');
    expect(csv.startsWith('\uFEFFMã,Họ và tên,')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('K7Q4ZP,"Trần ""Ba"" Minh","Trưởng ban, Phó Bí thư","Dòng 1\nDòng 2",,,Điểm cầu Trung ương,Chủ trì,Nhận lời,');
  });

  it('names a file for every browser: ASCII filename and the real name in filename*', () => {
    expect(contentDisposition('Danh sách đại biểu: Hội nghị "Dân vận".csv')).toBe(
      `attachment; filename="danh-sach-dai-bieu-hoi-nghi-dan-van.csv"; filename*=UTF-8''Danh%20s%C3%A1ch%20%C4%91%E1%BA%A1i%20bi%E1%BB%83u%20H%E1%BB%99i%20ngh%E1%BB%8B%20D%C3%A2n%20v%E1%BA%ADn.csv`,
    );
  });
});
