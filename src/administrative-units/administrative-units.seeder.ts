import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { readCsvFile } from '../common/csv';
import { seedsDir } from '../common/project-paths';
import { nfc, searchKey } from '../common/text';
import { AdministrativeUnit, UnitType } from './administrative-unit.entity';

const CHUNK = 500;

/**
 * Loads the catalogue from `seeds/administrative-units/*.csv` (codes are data: correct the
 * files and run `npm run seed`). Upserts by (set, code), so running it twice changes nothing.
 */
@Injectable()
export class AdministrativeUnitsSeeder {
  /** Reads the three catalogue files into rows; throws naming the file and line of a bad row. */
  readCatalogue(dir = join(seedsDir(), 'administrative-units')): AdministrativeUnit[] {
    const unit = (fields: Omit<AdministrativeUnit, 'searchKey'>): AdministrativeUnit =>
      Object.assign(new AdministrativeUnit(), { ...fields, name: nfc(fields.name), searchKey: searchKey(fields.name) });

    const provinces63 = readCsvFile(join(dir, 'provinces-63.csv')).map((row) =>
      unit({
        set: 'vn-63',
        code: row.code,
        name: row.name,
        level: 'province',
        type: row.type as UnitType,
        region: row.region || null,
        parentCode: null,
        successorCode: row.successor_code || null,
        mergedFrom: null,
      }),
    );
    const provinces34 = readCsvFile(join(dir, 'provinces-34.csv')).map((row) =>
      unit({
        set: 'vn-34',
        code: row.code,
        name: row.name,
        level: 'province',
        type: row.type as UnitType,
        region: row.region || null,
        parentCode: null,
        successorCode: null,
        mergedFrom: row.merged_from || null,
      }),
    );
    const regionOf = new Map(provinces34.map((p) => [p.code, p.region]));
    const communes = readCsvFile(join(dir, 'communes-34.csv')).map((row, index) => {
      if (!regionOf.has(row.province_code)) {
        throw new Error(`communes-34.csv line ${index + 2}: province_code ${row.province_code} is not in provinces-34.csv`);
      }
      return unit({
        set: 'vn-34',
        code: row.code,
        name: row.name,
        level: 'commune',
        type: row.type as UnitType,
        region: regionOf.get(row.province_code) ?? null,
        parentCode: row.province_code,
        successorCode: null,
        mergedFrom: null,
      });
    });
    const codes63 = new Set(provinces63.map((p) => p.code));
    for (const p of provinces63) {
      if (!p.successorCode || !regionOf.has(p.successorCode)) {
        throw new Error(`provinces-63.csv: ${p.code} has successor_code ${p.successorCode} not in provinces-34.csv`);
      }
    }
    for (const p of provinces34) {
      for (const code of p.mergedFrom?.split(';') ?? []) {
        if (!codes63.has(code)) throw new Error(`provinces-34.csv: ${p.code} is merged from unknown vn-63 code ${code}`);
      }
    }
    return [...provinces63, ...provinces34, ...communes];
  }

  /** Upserts every unit in chunks; returns how many rows the catalogue has. */
  async seed(manager: EntityManager, units = this.readCatalogue()): Promise<number> {
    for (let i = 0; i < units.length; i += CHUNK) {
      await manager.upsert(AdministrativeUnit, units.slice(i, i + CHUNK), ['set', 'code']);
    }
    return units.length;
  }
}
