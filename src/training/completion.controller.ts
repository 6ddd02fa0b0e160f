import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiFileResponse } from '../common/file-response.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { XLSX_CONTENT_TYPE } from '../common/spreadsheet-export';
import { CompletionFilterDto, CompletionListQueryDto, CompletionPageDto } from './completion.dto';
import { CompletionService } from './completion.service';

const NOT_FOUND =
  'the conference does not exist or an operator may not see it (conference_not_found), or bridgePointId is not a point of it the caller may see (bridge_point_not_found)';
const RULE =
  "Judged by the conference's completionRule: the sessions are its agenda items with attendanceRequired; a session counts as attended " +
  'when the person is marked present or late (excused and absent do not count); attendancePercent is the share attended as a whole ' +
  'percent, rounded down; someone has completed (hoàn thành khóa học) when there is at least one session, attendancePercent reaches ' +
  'minAttendancePercent, and, if requireEvaluation, they submitted the evaluation form (phiếu đánh giá, through their RSVP link). A conference without sessions has ' +
  'sessionsRequired 0 and nobody completed. People listed: those who hold a place (not declined, waitlisted, cancelled or substituted). ' +
  'Every role may read it; an operator sees only the people of the bridge points in their scope.';

@ApiTags('training')
@ApiBearerAuth()
@Controller('api/conferences/:id')
export class CompletionController {
  constructor(private readonly completions: CompletionService) {}

  @Get('completions')
  @ApiOperation({
    summary: "List who completed a training",
    description: `One page of the people of the conference, by name, each with their sessions required and attended, percent and whether they completed the training. Filters: completed and bridgePointId. ${RULE}`,
  })
  @ApiOkResponse({ type: CompletionPageDto, description: 'a page of people with their figures, the number of sessions and the rule applied' })
  @ApiErrors({ 404: NOT_FOUND })
  list(@Param('id', ParseUuidPipe) id: string, @Query() query: CompletionListQueryDto, @CurrentUser() user: User): Promise<CompletionPageDto> {
    return this.completions.list(id, query, user);
  }

  @Get('completions.xlsx')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Export who completed a training as XLSX',
    description:
      'The same people and figures as the list, all of them, as one Excel worksheet with the columns Họ và tên, Chức vụ, Đơn vị, Điểm cầu, ' +
      `Số buổi phải học, Số buổi tham gia, Tỷ lệ (%), Đã nộp phiếu đánh giá, Hoàn thành (Có / Không); filters as in the list. ${RULE}`,
  })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'the completion list as an Excel workbook')
  @ApiErrors({ 404: NOT_FOUND })
  async exportXlsx(@Param('id', ParseUuidPipe) id: string, @Query() query: CompletionFilterDto, @CurrentUser() user: User): Promise<StreamableFile> {
    const file = await this.completions.exportXlsx(id, query, user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }
}
