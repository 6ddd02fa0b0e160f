import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiFileResponse } from '../common/file-response.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { XLSX_CONTENT_TYPE } from '../common/spreadsheet-export';
import {
  EvaluationFormDto,
  EvaluationFormResponseDto,
  EvaluationSubmittedDto,
  EvaluationSummaryDto,
  PublicEvaluationResponseDto,
  SubmitEvaluationDto,
} from './evaluation.dto';
import { EvaluationService } from './evaluation.service';

const NOT_FOUND = 'the conference does not exist or an operator may not see it (conference_not_found)';
const ANONYMOUS =
  'Answers are stored without the identity of who gave them (no attendee, no link, no time); only the fact that a person submitted is kept against them.';

@ApiTags('training')
@ApiBearerAuth()
@Controller('api/conferences/:id')
export class EvaluationController {
  constructor(private readonly evaluations: EvaluationService) {}

  @Get('evaluation-form')
  @ApiOperation({
    summary: 'Read the evaluation form',
    description: "The conference's evaluation form (phiếu đánh giá): its questions, version and how many responses it received. Empty when there is none. Every role may read it.",
  })
  @ApiOkResponse({ type: EvaluationFormResponseDto, description: 'the form' })
  @ApiErrors({ 404: NOT_FOUND })
  form(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<EvaluationFormResponseDto> {
    return this.evaluations.form(id, user);
  }

  @Put('evaluation-form')
  @Roles('admin', 'organizer')
  @ApiOperation({
    summary: 'Set the evaluation form',
    description:
      'Replaces the questions of the evaluation form (phiếu đánh giá): at most 50; each a rating (1–5) or a free text, with a stable id (given, or q1, q2…), ' +
      'a text of 1–500 characters and optionally the session or speaker slot (agenda item of the conference) it is about. Once responses exist, the ' +
      'questions already on the form stay with their kind and session (the wording may be corrected) and new ones may be added. Roles: admin, organizer.',
  })
  @ApiOkResponse({ type: EvaluationFormResponseDto, description: 'the form as stored' })
  @ApiErrors({
    400: 'too many questions (too_many_questions), a bad or repeated id (invalid_question_id, duplicate_question_id), an empty or too long text (invalid_question_text), an agenda item not of the conference (agenda_item_not_found)',
    404: NOT_FOUND,
    409: 'the conference is completed or cancelled (conference_closed), or the change removes a question, or changes the kind or session of one, once responses exist (evaluation_form_answered)',
  })
  saveForm(@Param('id', ParseUuidPipe) id: string, @Body() dto: EvaluationFormDto, @CurrentUser() user: User): Promise<EvaluationFormResponseDto> {
    return this.evaluations.saveForm(id, dto, user);
  }

  @Get('evaluations/summary')
  @Roles('admin', 'organizer', 'viewer')
  @ApiOperation({
    summary: 'Summarize the evaluations',
    description:
      'How many submitted the form, and per question: the count of answers, for ratings the mean (2 decimals) and the distribution of marks 1–5, for texts ' +
      `every answer (alphabetical order). General questions come first, then per session in agenda order. ${ANONYMOUS} Roles: admin, organizer, viewer.`,
  })
  @ApiOkResponse({ type: EvaluationSummaryDto, description: 'the figures per question' })
  @ApiErrors({ 404: NOT_FOUND })
  summary(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<EvaluationSummaryDto> {
    return this.evaluations.summary(id, user);
  }

  @Get('evaluations.xlsx')
  @Roles('admin', 'organizer', 'viewer')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Export the evaluations as XLSX',
    description:
      'The summary as an Excel workbook: sheet "Tổng hợp" (Buổi học, Câu hỏi, Loại, Số trả lời, Điểm trung bình, 1–5, then the number of responses) and ' +
      `sheet "Ý kiến" (one row per free-text answer). ${ANONYMOUS} Roles: admin, organizer, viewer.`,
  })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'the evaluation results as an Excel workbook')
  @ApiErrors({ 404: NOT_FOUND })
  async exportXlsx(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<StreamableFile> {
    const file = await this.evaluations.exportXlsx(id, user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }
}

const LINK_404 = 'the link is unknown, or the attendee it was made for was removed (unknown)';
const LINK_410 = 'the link was revoked or has expired (revoked, expired)';

@ApiTags('public')
@Public()
@Controller('api/public/rsvp/:token/evaluation')
export class PublicEvaluationController {
  constructor(private readonly evaluations: EvaluationService) {}

  @Get()
  @ApiOperation({
    summary: 'Open the evaluation form (RSVP link)',
    description: "The conference's evaluation form as the holder of an RSVP link sees it, with no account: the questions, whether they submitted it and whether they may answer now.",
  })
  @ApiOkResponse({ type: PublicEvaluationResponseDto, description: 'the questions and the state of the holder' })
  @ApiErrors({ 404: LINK_404, 410: LINK_410 })
  view(@Param('token') token: string): Promise<PublicEvaluationResponseDto> {
    return this.evaluations.publicView(token);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Submit the evaluation (RSVP link)',
    description:
      'The holder of an RSVP link answers the evaluation form, once. They must hold a place (not declined, waitlisted, cancelled or substituted); ' +
      `the conference must be ongoing, completed, or published with its start passed. Questions may be skipped. ${ANONYMOUS}`,
  })
  @ApiCreatedResponse({ type: EvaluationSubmittedDto, description: 'the answers were recorded' })
  @ApiErrors({
    400: 'an answer to a question not on the form (unknown_question), a rating not a whole number 1–5 (invalid_rating), a text answer not text (invalid_text) or longer than 2,000 characters (text_too_long), or no answer at all (no_answers)',
    404: LINK_404,
    409: 'the conference has no form (no_evaluation_form), was cancelled (conference_closed) or has not started (evaluation_not_open), the person holds no place (not_holding_place), or submitted already (already_submitted)',
    410: LINK_410,
  })
  async submit(@Param('token') token: string, @Body() dto: SubmitEvaluationDto): Promise<EvaluationSubmittedDto> {
    await this.evaluations.submit(token, dto.answers);
    return { submitted: true };
  }
}
