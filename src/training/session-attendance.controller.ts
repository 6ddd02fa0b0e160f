import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiImportUpload, DRY_RUN_FIELD, readUpload, replyWithImportReport } from '../common/import-upload';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { SheetImportRejectionDto, SheetImportReportDto } from './session-attendance-import.dto';
import { SessionAttendanceImportService } from './session-attendance-import.service';
import {
  AttendanceListQueryDto,
  AttendancePageDto,
  MarkAttendanceDto,
  MAX_ROLL_CALL_CODES,
  RollCallResponseDto,
  SessionAttendanceResponseDto,
} from './session-attendance.dto';
import { SessionAttendanceService } from './session-attendance.service';

const NOT_FOUND = 'the conference does not exist or an operator may not see it (conference_not_found), or the item is not one of its (agenda_item_not_found)';
const NOT_A_SESSION = 'the agenda item is not a session: attendanceRequired is false (not_a_session)';
const WRITERS = 'the caller is a viewer';
const WINDOW =
  'A session takes attendance while the conference is published or ongoing: a roll call from SESSION_ATTENDANCE_OPENS_MINUTES (default 30) ' +
  'before the session starts until it ends; someone marked more than SESSION_LATE_AFTER_MINUTES (default 15) after the start is late. A ' +
  'status by hand or an imported sheet is accepted once the session has opened, also after the conference was completed; excused may be ' +
  'recorded in advance. A draft or cancelled conference takes none.';

@ApiTags('training')
@ApiBearerAuth()
@Controller('api/conferences/:id/agenda-items/:itemId/attendance')
export class SessionAttendanceController {
  constructor(
    private readonly attendance: SessionAttendanceService,
    private readonly sheets: SessionAttendanceImportService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "List a session's attendance",
    description:
      'One page of the people who hold a place in the conference (not declined, waitlisted, cancelled or substituted), by name, each with ' +
      'their attendance (điểm danh) of this session: present, late, excused, absent, or null when nobody marked them yet; with totals per ' +
      'status. Filters: status (or unmarked) and bridgePointId. Every role may read it; an operator sees only the people of the bridge ' +
      'points in their scope.',
  })
  @ApiOkResponse({ type: AttendancePageDto, description: 'a page of people with their status, and the totals' })
  @ApiErrors({ 404: NOT_FOUND, 409: NOT_A_SESSION })
  list(
    @Param('id', ParseUuidPipe) id: string,
    @Param('itemId', ParseUuidPipe) itemId: string,
    @Query() query: AttendanceListQueryDto,
    @CurrentUser() user: User,
  ): Promise<AttendancePageDto> {
    return this.attendance.list(id, itemId, query, user);
  }

  @Roles('admin', 'organizer', 'operator')
  @Post()
  @HttpCode(200)
  @ApiExtraModels(RollCallResponseDto, SessionAttendanceResponseDto)
  @ApiOperation({
    summary: 'Take a roll call of a session, or set one status',
    description:
      `With { codes } (1 to ${MAX_ROLL_CALL_CODES}, typed loosely: case, spaces and dashes ignored), marks the people whose check-in codes are ` +
      'given as here now: present, or late past the grace; someone marked present or late before stays as they were (alreadyMarked), ' +
      'someone without a place is refused (refused, not_holding_place), a code of nobody in the conference is unknown. With { attendeeId, ' +
      'status } records that status for one person; when they are marked already, the version read must be sent (version_required, ' +
      `stale_version). Roles: admin, organizer, operator (only for the people of their bridge points; others' codes count as unknown). ${WINDOW} Audited.`,
  })
  @ApiOkResponse({
    description: 'a roll call: the codes sorted into marked, alreadyMarked, refused and unknown; one status: that person\'s attendance',
    schema: { oneOf: [{ $ref: getSchemaPath(RollCallResponseDto) }, { $ref: getSchemaPath(SessionAttendanceResponseDto) }] },
  })
  @ApiErrors({
    400: 'a field is wrong, too many codes, both codes and attendeeId (codes_or_attendee), or attendeeId without status (required)',
    403: WRITERS,
    404: `${NOT_FOUND}, or the attendee is not one of its or not at an operator's points (attendee_not_found)`,
    409:
      `${NOT_A_SESSION}; the conference is a draft (conference_not_published), cancelled or completed (conference_closed); the session's ` +
      'attendance is not open yet (session_not_open) or it ended (session_ended); the person does not hold a place (not_holding_place); ' +
      'or their attendance changed (version_required, stale_version)',
  })
  mark(
    @Param('id', ParseUuidPipe) id: string,
    @Param('itemId', ParseUuidPipe) itemId: string,
    @Body() dto: MarkAttendanceDto,
    @CurrentUser() user: User,
  ): Promise<RollCallResponseDto | SessionAttendanceResponseDto> {
    return this.attendance.mark(id, itemId, dto, user);
  }

  /** 201 with the report (also for a dry run); 400 with the same report when a row is refused, and nothing recorded. */
  @Roles('admin', 'organizer', 'operator')
  @Post('import')
  @ApiImportUpload(DRY_RUN_FIELD)
  @ApiOperation({
    summary: "Import a session's paper sign-in sheet",
    description:
      'Reads a sign-in sheet (danh sách ký tên) typed into a CSV (UTF-8) or XLSX, at most 20 MB, sent as multipart/form-data in the field ' +
      '"file". Each row names one person by check-in code (Mã) or email (Email), or both if they agree, and may give a status (Trạng thái: ' +
      'có mặt, đi muộn, có phép, vắng, or present, late, excused, absent; blank is present). Other columns (STT, Họ và tên, Chữ ký) are ' +
      'ignored. The sheet replaces earlier marks of the people it names. All or nothing: one refused row (unknown_code, unknown_email, ' +
      'attendee_mismatch, not_holding_place, duplicate_attendee, invalid_status …) and nothing is recorded, and the answer is a 400 whose ' +
      'body is the error envelope together with the report. dryRun=true checks the sheet and reports, recording nothing. Roles: admin, ' +
      "organizer, operator (only for the people of their bridge points; others read as unknown). Audited.",
  })
  @ApiResponse({ status: 201, type: SheetImportReportDto, description: 'the sheet recorded (or checked, with dryRun)' })
  @ApiErrors({
    400: {
      description:
        'a row was refused and nothing was recorded: the envelope with the report (SheetImportRejectionDto), each detail naming ' +
        'rows.<row>.<field> with a code; or the file cannot be read, has no code or email column (no_attendee_column) or no rows, or dryRun is wrong',
      or: SheetImportRejectionDto,
    },
    403: WRITERS,
    404: NOT_FOUND,
    409: `${NOT_A_SESSION}; the conference is a draft (conference_not_published) or cancelled (conference_closed); the session's attendance is not open yet (session_not_open)`,
    413: 'the file is larger than 20 MB (file_too_large)',
  })
  async importSheet(
    @Param('id', ParseUuidPipe) id: string,
    @Param('itemId', ParseUuidPipe) itemId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentUser() user: User,
  ): Promise<void> {
    await replyWithImportReport(reply, await this.sheets.import(id, itemId, () => readUpload(request), query, user));
  }
}
