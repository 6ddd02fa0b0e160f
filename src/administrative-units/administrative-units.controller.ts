import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiPageResponse(AdministrativeUnitResponseDto, 'the units of a set and level, by code')
  list(@Query() query: AdministrativeUnitQueryDto): Promise<Page<AdministrativeUnitResponseDto>> {
    return this.units.list(query);
  }

  @Get(':code')
  @ApiOkResponse({ type: AdministrativeUnitResponseDto })
  get(@Param('code') code: string, @Query() query: UnitSetQueryDto): Promise<AdministrativeUnitResponseDto> {
    return this.units.get(query.set, code);
  }
}
