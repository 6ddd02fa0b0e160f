import { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';

/**
 * The name of a bridge point created from an administrative unit:
 * "Điểm cầu tỉnh Bắc Ninh", "Điểm cầu thành phố Hà Nội" for provinces, and "Điểm cầu " + the
 * commune's official name with its prefix in lower case for communes: "Điểm cầu xã Đất Mũi",
 * "Điểm cầu phường Ba Đình", "Điểm cầu đặc khu Phú Quốc".
 */
export function bridgePointName(unit: Pick<AdministrativeUnit, 'name' | 'type' | 'level'>): string {
  if (unit.level === 'province') return `Điểm cầu ${provinceTitle(unit)}`;
  const prefix = /^(Xã|Phường|Đặc khu|Thị trấn)\s+/u.exec(unit.name);
  return prefix ? `Điểm cầu ${prefix[1].toLowerCase()} ${unit.name.slice(prefix[0].length)}` : `Điểm cầu ${unit.name}`;
}

/** What a province is called: "tỉnh", or "thành phố" for a centrally-run city. */
export const provinceWord = (unit: { type: string }): string => (unit.type === 'city' ? 'thành phố' : 'tỉnh');

/** A province as a sentence names it: "tỉnh Bắc Ninh", "thành phố Huế". */
export const provinceTitle = (unit: { name: string; type: string }): string => `${provinceWord(unit)} ${unit.name}`;
