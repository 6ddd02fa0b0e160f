import { AwardDecisionResponseDto, AwardRecipientResponseDto } from './award-decision.dto';
import { awardListLines, awardListOf, vnLongDate } from './award-list';
import { sectionsOf } from './award-order';

let ids = 0;
const recipient = (overrides: Partial<AwardRecipientResponseDto>): AwardRecipientResponseDto => ({
  id: `r${String(++ids).padStart(3, '0')}`,
  decisionId: 'd',
  kind: 'individual',
  name: null,
  title: null,
  organization: null,
  administrativeUnitCode: null,
  achievement: null,
  position: 0,
  agendaItemId: null,
  bridgePointId: null,
  bridgePointName: null,
  presenterName: null,
  version: 1,
  ...overrides,
});

const decision = (
  number: string,
  signedAt: string,
  recipients: AwardRecipientResponseDto[],
  overrides: Partial<AwardDecisionResponseDto> = {},
): AwardDecisionResponseDto => ({
  id: number,
  conferenceId: 'c',
  number,
  signedAt,
  issuingAuthority: 'Thủ tướng Chính phủ',
  signerName: null,
  signerTitle: null,
  awardFormCode: 'bang-khen-thu-tuong-chinh-phu',
  awardFormName: 'Bằng khen của Thủ tướng Chính phủ',
  awardTitle: 'Bằng khen của Thủ tướng Chính phủ',
  recipients,
  version: 1,
  ...overrides,
});

describe('award list order and grouping', () => {
  it('keeps the decisions in the order given (the award-list order of the service), not by date', () => {
    const list = awardListOf('Hội nghị X', [
      decision('123/QĐ-TTg', '2025-07-08', [recipient({ name: 'Anh A' })]),
      decision('15/QĐ-BDVTW', '2025-07-01', [recipient({ name: 'Chị B' })]),
    ]);
    expect(list.groups.map((g) => g.number)).toEqual(['123/QĐ-TTg', '15/QĐ-BDVTW']);
  });

  it('heads each decision with its award title, not the catalogue name of its form', () => {
    const list = awardListOf('Hội nghị X', [
      decision('15/QĐ-BDVTW', '2025-07-01', [recipient({ name: 'Chị B' })], {
        issuingAuthority: 'Ban Dân vận Trung ương',
        awardFormName: 'Bằng khen của Ban Trung ương Đảng',
        awardTitle: 'Bằng khen của Ban Dân vận Trung ương',
      }),
    ]);
    expect(awardListLines(list).filter((l) => l.kind === 'form' || l.kind === 'decision').map((l) => l.cells[0])).toEqual([
      '(Kèm theo Quyết định số 15/QĐ-BDVTW ngày 01 tháng 7 năm 2025 của Ban Dân vận Trung ương)',
      'Hình thức khen thưởng: Bằng khen của Ban Dân vận Trung ương',
    ]);
  });

  it('puts collectives before individuals, each in presentation order, and numbers the sections I and II', () => {
    const sections = sectionsOf([
      recipient({ name: 'Chị B', position: 2 }),
      recipient({ kind: 'collective', name: 'Tập thể Y', position: 5 }),
      recipient({ name: 'Anh A', position: 1 }),
      recipient({ kind: 'collective', name: 'Tập thể X', position: 5 }),
      recipient({ name: 'Ông C', position: 2 }),
    ]);
    expect(sections.map((s) => s.label)).toEqual(['I. TẬP THỂ', 'II. CÁ NHÂN']);
    expect(sections[0].recipients.map((r) => r.name)).toEqual(['Tập thể X', 'Tập thể Y']);
    expect(sections[1].recipients.map((r) => r.name)).toEqual(['Anh A', 'Chị B', 'Ông C']);
  });

  it('numbers a lone section I, whatever its kind', () => {
    expect(sectionsOf([recipient({ name: 'Anh A' })]).map((s) => s.label)).toEqual(['I. CÁ NHÂN']);
  });

  it('writes a signing date as Decree 30 does', () => {
    expect(vnLongDate('2025-07-08')).toBe('ngày 08 tháng 7 năm 2025');
    expect(vnLongDate('2026-02-15')).toBe('ngày 15 tháng 02 năm 2026');
  });

  it('lays the list out: title, conference, headers, then per decision its line, form, sections and rows', () => {
    const list = awardListOf('Hội nghị X', [
      decision('123/QĐ-TTg', '2025-07-08', [
        recipient({ name: 'Nguyễn Văn An', title: 'Chủ tịch', organization: 'UBND xã A', bridgePointName: 'Điểm cầu tỉnh Bắc Ninh', presenterName: 'Ông P' }),
        recipient({ kind: 'collective', organization: 'Ban Dân vận Tỉnh ủy Bắc Ninh', achievement: 'Xuất sắc' }),
      ]),
      decision('5/QĐ-TTg', '2025-07-08', []),
    ]);
    expect(awardListLines(list).map((l) => [l.kind, ...l.cells].join('|'))).toEqual([
      'title|DANH SÁCH KHEN THƯỞNG',
      'subtitle|Hội nghị X',
      'blank',
      'header|STT|Họ và tên / Tên tập thể|Chức vụ|Đơn vị|Thành tích|Nơi trao|Người trao',
      'decision|(Kèm theo Quyết định số 123/QĐ-TTg ngày 08 tháng 7 năm 2025 của Thủ tướng Chính phủ)',
      'form|Hình thức khen thưởng: Bằng khen của Thủ tướng Chính phủ',
      'section|I. TẬP THỂ',
      'row|1|Ban Dân vận Tỉnh ủy Bắc Ninh|||Xuất sắc||',
      'section|II. CÁ NHÂN',
      'row|1|Nguyễn Văn An|Chủ tịch|UBND xã A||Điểm cầu tỉnh Bắc Ninh|Ông P',
    ]);
  });
});
