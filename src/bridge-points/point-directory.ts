import { EntityManager } from 'typeorm';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { quoted } from '../common/import-rows';
import { searchKey } from '../common/text';
import { provinceTitle, provinceWord } from './bridge-point-naming';

/** A bridge point as an imported file refers to it. */
export interface PointRef {
  id: string;
  name: string;
  administrativeUnitCode: string | null;
  /** The catalogue of its unit: only points of vn-34 provinces take the rows that name the vn-63 provinces they came from. */
  administrativeUnitSet?: string | null;
}

interface ProvinceRef {
  code: string;
  name: string;
  type: string;
}

/** Both province catalogues: vn-63 with the vn-34 province each became (`successorCode`), and vn-34. */
export interface ProvinceCatalogue {
  vn63: (ProvinceRef & { successorCode: string | null })[];
  vn34: ProvinceRef[];
}

/** A cell read as a point; `warning` when it named a vn-63 province, read as the vn-34 one it became. */
export interface PointReading {
  point: PointRef;
  warning?: { code: 'former_province'; message: string };
}

/** Why a cell names no point, in Vietnamese, with a stable code. */
export interface PointProblem {
  code: 'unknown_point' | 'ambiguous_point' | 'successor_not_connected';
  message: string;
  /** The points an ambiguous name matches. */
  candidates: PointRef[];
}

/** A vn-63 province a cell names, and how the cell named it. */
interface FormerReading {
  province: ProvinceRef & { successorCode: string | null };
  byCode: boolean;
}

const PROVINCE_CODE = /^\d{2}$/;

/**
 * Bridge points as a file may name them: id, administrative unit code, full name, or name
 * without "Điểm cầu tỉnh …". Given the province catalogues, a cell naming a province of vn-63
 * that vn-34 no longer has ("Bắc Giang", or its old code where vn-34 has no such code) is read
 * as the point of the vn-34 province it became, with a warning.
 */
export class PointDirectory {
  private readonly lookups: Map<string, PointRef[]>[] = [new Map(), new Map(), new Map(), new Map()];
  /** vn-34 province points by their code: the successors a vn-63 province is read as. */
  private readonly successorPoints = new Map<string, PointRef[]>();
  private readonly formerByCode = new Map<string, FormerReading['province']>();
  private readonly formerByName = new Map<string, FormerReading['province']>();
  private readonly currentProvinces = new Map<string, ProvinceRef>();

  constructor(points: PointRef[], catalogue?: ProvinceCatalogue) {
    const [byId, byCode, byName, byShortName] = this.lookups;
    for (const point of points) {
      add(byId, point.id.toLowerCase(), point);
      if (point.administrativeUnitCode) add(byCode, point.administrativeUnitCode, point);
      const name = searchKey(point.name);
      add(byName, name, point);
      const short = name.replace(/^diem cau\s+/, '');
      add(byShortName, short, point);
      const withoutLevel = short.replace(/^(tinh|thanh pho|xa|phuong|dac khu)\s+/, '');
      if (withoutLevel !== short) add(byShortName, withoutLevel, point);
      if (point.administrativeUnitSet === 'vn-34' && point.administrativeUnitCode && PROVINCE_CODE.test(point.administrativeUnitCode)) {
        add(this.successorPoints, point.administrativeUnitCode, point);
      }
    }
    if (!catalogue || this.successorPoints.size === 0) return;
    for (const province of catalogue.vn34) this.currentProvinces.set(province.code, province);
    const currentNames = new Set(catalogue.vn34.map((p) => searchKey(p.name)));
    for (const province of catalogue.vn63) {
      if (!province.successorCode) continue;
      // A code vn-34 also has keeps its vn-34 meaning; a name vn-34 also has is the vn-34 province.
      if (!this.currentProvinces.has(province.code)) this.formerByCode.set(province.code, province);
      const name = searchKey(province.name);
      if (!currentNames.has(name)) this.formerByName.set(name, province);
    }
  }

  /** A directory of these points, with the province catalogues when some point is of a vn-34 province. */
  static async of(m: EntityManager, points: PointRef[]): Promise<PointDirectory> {
    if (!points.some((p) => p.administrativeUnitSet === 'vn-34')) return new PointDirectory(points);
    const provinces = await m.find(AdministrativeUnit, {
      select: { set: true, code: true, name: true, type: true, successorCode: true },
      where: { level: 'province' },
    });
    return new PointDirectory(points, {
      vn63: provinces.filter((p) => p.set === 'vn-63'),
      vn34: provinces.filter((p) => p.set === 'vn-34'),
    });
  }

  /** The point a cell names, or why none; messages in Vietnamese. */
  read(value: string): PointReading | PointProblem {
    const found = this.match(value);
    if (found.length === 1) return { point: found[0] };
    if (found.length > 1) {
      const names = `${found.slice(0, 3).map((p) => p.name).join(', ')}${found.length > 3 ? ', …' : ''}`;
      return {
        code: 'ambiguous_point',
        message: `${quoted(value)} khớp với ${found.length} điểm cầu (${names}): hãy ghi mã đơn vị hành chính của điểm cầu`,
        candidates: found,
      };
    }
    const former = this.former(value);
    if (!former) return { code: 'unknown_point', message: `${quoted(value)} không phải là điểm cầu của hội nghị này`, candidates: [] };
    const { province, byCode } = former;
    const successor = this.currentProvinces.get(province.successorCode!);
    const named = byCode
      ? `Mã ${province.code} (${provinceTitle(province)} cũ)`
      : `${province.name} (${provinceWord(province)} cũ)`;
    const now = successor ? provinceTitle(successor) : `đơn vị mã ${province.successorCode}`;
    const points = this.successorPoints.get(province.successorCode!) ?? [];
    if (points.length === 0) {
      return {
        code: 'successor_not_connected',
        message: `${named} nay thuộc ${now}, nhưng hội nghị này chưa kết nối điểm cầu của ${now}`,
        candidates: [],
      };
    }
    if (points.length > 1) {
      return {
        code: 'ambiguous_point',
        message: `${named} nay thuộc ${now}, mà hội nghị này có ${points.length} điểm cầu của ${now}: hãy ghi tên điểm cầu`,
        candidates: points,
      };
    }
    const point = points[0];
    return { point, warning: { code: 'former_province', message: `${named} nay thuộc ${now}; dòng này được ghi cho ${point.name}.` } };
  }

  /**
   * The point a cell names, or why none (the Vietnamese sentence of `read`, without its code);
   * `onWarning` hears what `read` warns of.
   */
  find(value: string, onWarning?: (warning: NonNullable<PointReading['warning']>) => void): PointRef | string {
    const reading = this.read(value);
    if (!('point' in reading)) return reading.message;
    if (reading.warning) onWarning?.(reading.warning);
    return reading.point;
  }

  /** The points the cell names by id, code (padding codes Excel shortened), full name or short name: the first lookup that knows it. */
  private match(value: string): PointRef[] {
    const key = searchKey(value);
    const keys = /^\d+$/.test(key) ? [key, key.padStart(2, '0'), key.padStart(5, '0')] : [key];
    for (const lookup of this.lookups) {
      const found = [...new Set(keys.flatMap((k) => lookup.get(k) ?? []))];
      if (found.length > 0) return found;
    }
    return [];
  }

  private former(value: string): FormerReading | undefined {
    const key = searchKey(value);
    if (/^\d{1,2}$/.test(key)) {
      const province = this.formerByCode.get(key.padStart(2, '0'));
      return province && { province, byCode: true };
    }
    const name = key.replace(/^diem cau\s+/, '').replace(/^(?:(?:tinh|thanh pho)\s+|tp\.?\s*)/, '');
    const province = this.formerByName.get(name);
    return province && { province, byCode: false };
  }
}

function add(map: Map<string, PointRef[]>, key: string, point: PointRef): void {
  const list = map.get(key);
  if (!list) map.set(key, [point]);
  else if (!list.includes(point)) list.push(point);
}
