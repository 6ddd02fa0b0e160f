import { existsSync } from 'node:fs';
import { mmToTwips, placeAndDate, serifFontFiles } from './decree-30';

describe('Decree 30 conventions', () => {
  it('pads days below 10 and the months January and February with a zero', () => {
    expect(placeAndDate('Hà Nội', new Date('2026-02-04T03:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(
      'Hà Nội, ngày 04 tháng 02 năm 2026',
    );
    expect(placeAndDate('Bắc Giang', new Date('2022-07-15T01:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(
      'Bắc Giang, ngày 15 tháng 7 năm 2022',
    );
  });

  it('dates by the wall clock of the time zone, not UTC', () => {
    expect(placeAndDate('Hà Nội', new Date('2025-12-31T18:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(
      'Hà Nội, ngày 01 tháng 01 năm 2026',
    );
  });

  it('measures A4 margins in twips as Word expects', () => {
    expect(mmToTwips(30)).toBe(1701);
    expect(mmToTwips(210)).toBe(11906);
  });

  it('finds the four styles of the embedded serif', () => {
    for (const file of Object.values(serifFontFiles())) expect(existsSync(file)).toBe(true);
  });
});
