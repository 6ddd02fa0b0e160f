import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { coded } from '../common/validation-messages';
import { AdministrativeUnit, UNIT_LEVELS, UNIT_SETS, UnitLevel, UnitSet, UnitType } from './administrative-unit.entity';

const SET_HELP = 'the catalogue: vn-34 (34 provinces and their communes, in force since 2025-07-01) or vn-63 (the 63 provinces before, without communes)';

export class AdministrativeUnitQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: UNIT_SETS, default: 'vn-34', description: SET_HELP })
  @IsOptional()
  @IsIn(UNIT_SETS)
  set: UnitSet = 'vn-34';

  @ApiPropertyOptional({ enum: UNIT_LEVELS, default: 'province', description: 'province (tỉnh, thành phố) or commune (xã, phường, đặc khu); communes only in vn-34' })
  @IsOptional()
  @IsIn(UNIT_LEVELS)
  level: UnitLevel = 'province';

  @ApiPropertyOptional({ description: "a province's 2-digit code: lists only the communes of that province", example: '24' })
  @IsOptional()
  @Matches(/^\d{2}$/, coded('not_a_province_code', 'Trường "parentCode" phải là mã tỉnh gồm 2 chữ số, ví dụ 24.'))
  parentCode?: string;

  @ApiPropertyOptional({ description: 'the name contains this text, ignoring diacritics and case; at most 100 characters', example: 'bac giang' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UnitSetQueryDto {
  @ApiPropertyOptional({ enum: UNIT_SETS, default: 'vn-34', description: `${SET_HELP}; the code is looked up in it` })
  @IsOptional()
  @IsIn(UNIT_SETS)
  set: UnitSet = 'vn-34';
}

export class AdministrativeUnitResponseDto {
  @ApiProperty({ example: '24', description: 'the official code: 2 digits for a province, 5 for a commune' }) code!: string;
  @ApiProperty({ example: 'Bắc Ninh', description: 'the official name, with its prefix for communes (Xã, Phường, Đặc khu)' }) name!: string;
  @ApiProperty({ enum: UNIT_LEVELS, description: 'province or commune' }) level!: UnitLevel;
  @ApiProperty({
    enum: ['province', 'city', 'commune', 'ward', 'special_zone'],
    description: 'province (tỉnh) or city (thành phố trực thuộc trung ương) for a province; commune (xã), ward (phường) or special_zone (đặc khu) for a commune',
  })
  type!: UnitType;
  @ApiProperty({ nullable: true, type: String, description: 'the socio-economic region (vùng), e.g. Đồng bằng sông Hồng; a commune has its province\'s' })
  region!: string | null;
  @ApiProperty({ enum: UNIT_SETS, description: 'the catalogue the unit belongs to' }) set!: UnitSet;
  @ApiProperty({ nullable: true, type: String, description: "a commune's province code (same catalogue); null for a province" })
  parentCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'vn-63 only: the vn-34 unit it became' })
  successorCode!: string | null;
  @ApiProperty({ type: [String], description: 'vn-34 provinces only: the vn-63 codes it came from' })
  mergedFrom!: string[];
}

export function toAdministrativeUnitResponse(unit: AdministrativeUnit): AdministrativeUnitResponseDto {
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    type: unit.type,
    region: unit.region,
    set: unit.set,
    parentCode: unit.parentCode,
    successorCode: unit.successorCode,
    mergedFrom: unit.mergedFrom ? unit.mergedFrom.split(';') : [],
  };
}
