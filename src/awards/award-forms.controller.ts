import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { AwardFormResponseDto, CreateAwardFormDto } from './award-form.dto';
import { AwardFormsService } from './award-forms.service';

@ApiTags('awards')
@ApiBearerAuth()
@Controller('api/award-forms')
export class AwardFormsController {
  constructor(private readonly forms: AwardFormsService) {}

  @Get()
  @ApiOperation({
    summary: 'List the award forms',
    description:
      'The catalogue of award forms (hình thức khen thưởng: huân chương, danh hiệu, cờ thi đua, bằng khen, giấy khen), highest first, ' +
      'with the seeded forms and those organizers added (custom). Award decisions name their form by its code. Any signed-in user.',
  })
  @ApiOkResponse({ type: [AwardFormResponseDto], description: 'the catalogue of award forms, highest first' })
  list(): Promise<AwardFormResponseDto[]> {
    return this.forms.list();
  }

  @Roles('admin', 'organizer')
  @Post()
  @ApiOperation({
    summary: 'Add an award form',
    description:
      'Adds a form the catalogue lacks (custom: true): its code (lower-case letters, digits and hyphens), name, kind, level, usual ' +
      'issuing authority and decision-number suffix, and who may receive it (individual, collective or both). Roles: admin, organizer.',
  })
  @ApiCreatedResponse({ type: AwardFormResponseDto, description: 'the new (custom) award form' })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    409: 'the code is already in the catalogue (award_form_exists)',
  })
  create(@Body() dto: CreateAwardFormDto): Promise<AwardFormResponseDto> {
    return this.forms.create(dto);
  }
}
