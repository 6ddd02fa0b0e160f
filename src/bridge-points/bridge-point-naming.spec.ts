import { bridgePointName, provinceTitle } from './bridge-point-naming';

describe('bridgePointName', () => {
  it('names a province and a centrally-run city', () => {
    expect(bridgePointName({ name: 'Bắc Ninh', type: 'province', level: 'province' })).toBe('Điểm cầu tỉnh Bắc Ninh');
    expect(bridgePointName({ name: 'Hà Nội', type: 'city', level: 'province' })).toBe('Điểm cầu thành phố Hà Nội');
    expect(provinceTitle({ name: 'Huế', type: 'city' })).toBe('thành phố Huế');
    expect(provinceTitle({ name: 'Bắc Giang', type: 'province' })).toBe('tỉnh Bắc Giang');
  });

  it('names communes, wards and special zones with their prefix in lower case', () => {
    expect(bridgePointName({ name: 'Xã Đất Mũi', type: 'commune', level: 'commune' })).toBe('Điểm cầu xã Đất Mũi');
    expect(bridgePointName({ name: 'Phường Ba Đình', type: 'ward', level: 'commune' })).toBe('Điểm cầu phường Ba Đình');
    expect(bridgePointName({ name: 'Đặc khu Phú Quốc', type: 'special_zone', level: 'commune' })).toBe('Điểm cầu đặc khu Phú Quốc');
  });
});
