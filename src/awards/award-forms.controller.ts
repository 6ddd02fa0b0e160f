import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AwardFormResponseDto, CreateAwardFormDto } from './award-form.dto';
import { AwardFormsService } from './award-forms.service';

@ApiTags('awards')
@ApiBearerAuth()
@Controller('api/award-forms')
export class AwardFormsController {
  constructor(private readonly forms: AwardFormsService) {}

  @Get()
  @ApiOkResponse({ type: [AwardFormResponseDto], description: 'the catalogue of award forms, highest first' })
  list(): Promise<AwardFormResponseDto[]> {
    return this.forms.list();
  }

  @Roles('admin', 'organizer')
  @Post()
  @ApiCreatedResponse({ type: AwardFormResponseDto, description: 'the new (custom) award form' })
  create(@Body() dto: CreateAwardFormDto): Promise<AwardFormResponseDto> {
    return this.forms.create(dto);
  }
}
