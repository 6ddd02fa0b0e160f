import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AwardFormResponseDto } from './award-form.dto';
import { AwardFormsService } from './award-forms.service';

@ApiTags('awards')
@ApiBearerAuth()
@Controller('api/award-forms')
export class AwardFormsController {
  constructor(private readonly forms: AwardFormsService) {}

  @Get()
  @ApiOkResponse({ type: [AwardFormResponseDto] })
  list(): Promise<AwardFormResponseDto[]> {
    return this.forms.list();
  }
}
