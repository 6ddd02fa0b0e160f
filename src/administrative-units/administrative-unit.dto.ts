import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { AdministrativeUnit, UNIT_LEVELS, UNIT_SETS, UnitLevel, UnitSet, UnitType } from './administrative-unit.entity';

export class AdministrativeUnitQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: UNIT_SETS, default: 'vn-34' })
  @IsOptional()
  @IsIn(UNIT_SETS, { message: `set must be one of ${UNIT_SETS.join(', ')}` })
  set: UnitSet = 'vn-34';

  @ApiPropertyOptional({ enum: UNIT_LEVELS, default: 'province' })
  @IsOptional()
  @IsIn(UNIT_LEVELS, { message: `level must be one of ${UNIT_LEVELS.join(', ')}` })
  level: UnitLevel = 'province';

  @ApiPropertyOptional({ description: "a province's code: lists its communes", example: '24' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'parentCode must be a 2-digit province code' })
  parentCode?: string;

  @ApiPropertyOptional({ description: 'name contains, ignoring diacritics and case', example: 'bac giang' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UnitSetQueryDto {
  @ApiPropertyOptional({ enum: UNIT_SETS, default: 'vn-34' })
  @IsOptional()
  @IsIn(UNIT_SETS, { message: `set must be one of ${UNIT_SETS.join(', ')}` })
  set: UnitSet = 'vn-34';
}

export class AdministrativeUnitResponseDto {
  @ApiProperty({ example: '24' }) code!: string;
  @ApiProperty({ example: 'Bắc Ninh' }) name!: string;
  @ApiProperty({ enum: UNIT_LEVELS }) level!: UnitLevel;
  @ApiProperty({ enum: ['province', 'city', 'commune', 'ward', 'special_zone'] }) type!: UnitType;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ enum: UNIT_SETS }) set!: UnitSet;
  @ApiProperty({ nullable: true, type: String }) parentCode!: string | null;
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
