import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Page, pageOf, skipOf } from '../common/pagination';
import { containsPattern } from '../common/text';
import { AdministrativeUnit, UnitSet } from './administrative-unit.entity';
import {
  AdministrativeUnitQueryDto,
  AdministrativeUnitResponseDto,
  toAdministrativeUnitResponse,
} from './administrative-unit.dto';
import { badField, notFound } from '../common/errors';

@Injectable()
export class AdministrativeUnitsService {
  constructor(@InjectRepository(AdministrativeUnit) private readonly units: Repository<AdministrativeUnit>) {}

  async list(query: AdministrativeUnitQueryDto): Promise<Page<AdministrativeUnitResponseDto>> {
    if (query.level === 'commune' && query.set !== 'vn-34') {
      throw badField('level', 'communes_vn34_only', 'Danh mục cấp xã chỉ có trong bộ vn-34 (áp dụng từ ngày 01/07/2025).');
    }
    if (query.parentCode !== undefined && !(await this.isProvince(query.set, query.parentCode))) {
      throw badField('parentCode', 'province_not_found', `Mã ${query.parentCode} không phải là mã tỉnh, thành phố trong bộ ${query.set}.`);
    }
    const qb = this.units
      .createQueryBuilder('unit')
      .where('unit.set = :set AND unit.level = :level', { set: query.set, level: query.level })
      .orderBy('unit.code', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize);
    if (query.parentCode !== undefined) qb.andWhere('unit.parentCode = :parentCode', { parentCode: query.parentCode });
    if (query.q?.trim()) qb.andWhere("unit.searchKey LIKE :pattern ESCAPE '\\'", { pattern: containsPattern(query.q) });
    return pageOf(query, await qb.getManyAndCount(), toAdministrativeUnitResponse);
  }

  async get(set: UnitSet, code: string): Promise<AdministrativeUnitResponseDto> {
    const unit = await this.units.findOneBy({ set, code });
    if (!unit) throw notFound('code', 'administrative_unit_not_found', `Không tìm thấy đơn vị hành chính mã ${code} trong bộ ${set}.`);
    return toAdministrativeUnitResponse(unit);
  }

  exists(set: UnitSet, code: string): Promise<boolean> {
    return this.units.existsBy({ set, code });
  }

  isProvince(set: UnitSet, code: string): Promise<boolean> {
    return this.units.existsBy({ set, code, level: 'province' });
  }

  count(): Promise<number> {
    return this.units.count();
  }
}
