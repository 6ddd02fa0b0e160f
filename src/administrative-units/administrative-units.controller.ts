import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  list(@Query() query: AdministrativeUnitQueryDto): Promise<Page<AdministrativeUnitResponseDto>> {
    return this.units.list(query);
  }

  @Get(':code')
  get(@Param('code') code: string, @Query() query: UnitSetQueryDto): Promise<AdministrativeUnitResponseDto> {
    return this.units.get(query.set, code);
  }
}
