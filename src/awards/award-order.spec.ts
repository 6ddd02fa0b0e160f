import { AuthorityOf, authorityRank, compareDecisions, RankedDecision } from './award-order';

const CTN: AuthorityOf = { level: 'state', issuingAuthority: 'Chủ tịch nước' };
const TTG: AuthorityOf = { level: 'state', issuingAuthority: 'Thủ tướng Chính phủ' };
const BAN_TW: AuthorityOf = { level: 'ministry', issuingAuthority: 'Trưởng ban của Ban Trung ương Đảng' };
const BO: AuthorityOf = { level: 'ministry', issuingAuthority: 'Bộ trưởng, Thủ trưởng cơ quan ngang bộ' };
const TINH: AuthorityOf = { level: 'province', issuingAuthority: 'Chủ tịch Ủy ban nhân dân tỉnh' };
const XA: AuthorityOf = { level: 'commune', issuingAuthority: 'Chủ tịch Ủy ban nhân dân xã' };
const DON_VI: AuthorityOf = { level: 'unit', issuingAuthority: 'Thủ trưởng cơ quan, đơn vị' };

const ranked = (number: string, signedAt: string, form: AuthorityOf | null): RankedDecision => ({ decision: { number, signedAt }, form });
const numbersOf = (decisions: RankedDecision[]) => [...decisions].sort(compareDecisions).map((d) => d.decision.number);

describe('award-list order of decisions', () => {
  it('puts Chủ tịch nước before Thủ tướng Chính phủ, both state-level, whatever the dates', () => {
    expect(numbersOf([ranked('123/QĐ-TTg', '2025-07-01', TTG), ranked('1350/QĐ-CTN', '2025-07-10', CTN)])).toEqual(['1350/QĐ-CTN', '123/QĐ-TTg']);
  });

  it('tells the state authorities apart without diacritics or case, and in their full names', () => {
    expect(authorityRank({ level: 'state', issuingAuthority: 'CHU TICH NUOC' })).toBe(authorityRank(CTN));
    expect(authorityRank({ level: 'state', issuingAuthority: 'Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam' })).toBe(authorityRank(CTN));
    expect(authorityRank({ level: 'state', issuingAuthority: 'thủ tướng chính phủ'.normalize('NFD') })).toBe(authorityRank(TTG));
  });

  it('puts another state-level authority after the Prime Minister and before the central bodies', () => {
    const chinhPhu: AuthorityOf = { level: 'state', issuingAuthority: 'Chính phủ' };
    expect(authorityRank(chinhPhu)).toBeGreaterThan(authorityRank(TTG));
    expect(authorityRank(chinhPhu)).toBeLessThan(authorityRank(BAN_TW));
  });

  it('puts central bodies before provinces, provinces before communes, communes before units, whatever the dates', () => {
    expect(
      numbersOf([
        ranked('5/QĐ-QĐ', '2025-01-01', DON_VI),
        ranked('31/QĐ-UBND', '2025-02-01', XA),
        ranked('210/QĐ-UBND', '2025-03-01', TINH),
        ranked('15/QĐ-BDVTW', '2025-07-01', BAN_TW),
      ]),
    ).toEqual(['15/QĐ-BDVTW', '210/QĐ-UBND', '31/QĐ-UBND', '5/QĐ-QĐ']);
  });

  it('orders a rank by signing date, then by number as a number, whichever body of that rank signed', () => {
    expect(
      numbersOf([
        ranked('123/QĐ-BDVTW', '2025-07-08', BAN_TW),
        ranked('45/QĐ-BNV', '2025-07-08', BO),
        ranked('999/QĐ-BDVTW', '2025-07-01', BAN_TW),
        ranked('45/QĐ-BDVTW', '2025-07-08', BAN_TW),
      ]),
    ).toEqual(['999/QĐ-BDVTW', '45/QĐ-BDVTW', '45/QĐ-BNV', '123/QĐ-BDVTW']);
  });

  it('ranks a custom form by its level like a catalogue one', () => {
    const custom: AuthorityOf = { level: 'province', issuingAuthority: 'Ban Thường vụ Tỉnh ủy' };
    expect(
      numbersOf([ranked('9/QĐ-UBND', '2025-05-01', XA), ranked('20/QĐ-TU', '2025-06-01', custom), ranked('7/QĐ-UBND', '2025-06-02', TINH), ranked('1/QĐ-BNV', '2025-06-03', BO)]),
    ).toEqual(['1/QĐ-BNV', '20/QĐ-TU', '7/QĐ-UBND', '9/QĐ-UBND']);
  });

  it('puts a decision whose form is not in the catalogue last', () => {
    expect(numbersOf([ranked('1/QĐ-X', '2025-01-01', null), ranked('2/QĐ-QĐ', '2025-12-01', DON_VI)])).toEqual(['2/QĐ-QĐ', '1/QĐ-X']);
  });
});
