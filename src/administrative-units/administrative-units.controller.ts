import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page } from '../common/pagination';
import {
  AdministrativeUnitQueryDto,
  AdministrativeUnitResponseDto,
  UnitSetQueryDto,
} from './administrative-unit.dto';
import { AdministrativeUnitsService } from './administrative-units.service';

@ApiTags('administrative-units')
@ApiBearerAuth()
@Controller('api/administrative-units')
export class AdministrativeUnitsController {
  constructor(private readonly units: AdministrativeUnitsService) {}

  @Get()
  @ApiOperation({
    summary: 'List administrative units',
    description:
      'One page of the catalogue of administrative units (đơn vị hành chính), ordered by code: the provinces of a set, or the communes ' +
      '(xã, phường, đặc khu) of vn-34, optionally of one province (parentCode) and filtered by name ignoring diacritics (q). ' +
      'vn-34 is the catalogue in force since 2025-07-01; vn-63 keeps the 63 provinces before, each with the vn-34 province it became. ' +
      'Any signed-in user may read it.',
  })
  @ApiPageResponse(AdministrativeUnitResponseDto, 'the units of a set and level, by code')
  @ApiErrors({
    400: 'a query parameter is wrong, communes were asked of vn-63 (communes_vn34_only), or parentCode is not a province of the set (province_not_found)',
  })
  list(@Query() query: AdministrativeUnitQueryDto): Promise<Page<AdministrativeUnitResponseDto>> {
    return this.units.list(query);
  }

  @Get(':code')
  @ApiOperation({
    summary: 'Read an administrative unit',
    description:
      'One province or commune by its code in a set (vn-34 unless set says otherwise), with the vn-63 codes a vn-34 province was ' +
      'formed from, or the vn-34 unit a vn-63 province became. Any signed-in user may read it.',
  })
  @ApiOkResponse({ type: AdministrativeUnitResponseDto, description: 'the unit' })
  @ApiErrors({ 404: 'the set has no unit with this code (administrative_unit_not_found)' })
  get(@Param('code') code: string, @Query() query: UnitSetQueryDto): Promise<AdministrativeUnitResponseDto> {
    return this.units.get(query.set, code);
  }
}
