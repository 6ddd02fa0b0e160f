import { quoted } from '../common/import-rows';
import { searchKey } from '../common/text';

/** A bridge point as an imported file refers to it. */
export interface PointRef {
  id: string;
  name: string;
  administrativeUnitCode: string | null;
}

/** Bridge points as a file may name them: id, administrative unit code, full name, or name without "Điểm cầu tỉnh …". */
export class PointDirectory {
  private readonly lookups: Map<string, PointRef[]>[] = [new Map(), new Map(), new Map(), new Map()];

  constructor(points: PointRef[]) {
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
    }
  }

  /** The point a cell names, or why none (unknown, or several points by that name). */
  find(value: string): PointRef | string {
    const key = searchKey(value);
    const keys = /^\d+$/.test(key) ? [key, key.padStart(2, '0'), key.padStart(5, '0')] : [key];
    for (const lookup of this.lookups) {
      const found = [...new Set(keys.flatMap((k) => lookup.get(k) ?? []))];
      if (found.length === 1) return found[0];
      if (found.length > 1) {
        return `${quoted(value)} matches ${found.length} bridge points (${found
          .slice(0, 3)
          .map((p) => p.name)
          .join(', ')}${found.length > 3 ? ', …' : ''}): write its administrative unit code instead`;
      }
    }
    return `${quoted(value)} is not a bridge point of this conference`;
  }
}

function add(map: Map<string, PointRef[]>, key: string, point: PointRef): void {
  const list = map.get(key);
  if (!list) map.set(key, [point]);
  else if (!list.includes(point)) list.push(point);
}
