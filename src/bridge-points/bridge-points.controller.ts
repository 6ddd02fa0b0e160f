import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { RevokedLinksResponseDto } from '../auth/signed-link.dto';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiImportUpload, DRY_RUN_FIELD, readUpload, replyWithImportReport } from '../common/import-upload';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { validateBody } from '../common/validate-body';
import {
  AttendanceDto,
  BridgePointListQueryDto,
  BridgePointResponseDto,
  BridgePointSummaryResponseDto,
  ConfirmBridgePointDto,
  ConnectionCheckDto,
  ConnectionCheckResponseDto,
  ConnectionCheckResultDto,
  ConnectResultDto,
  ConnectUnitsDto,
  CreateBridgePointDto,
  CreateBridgePointListDto,
  DeclineBridgePointDto,
  IssueLinkDto,
  IssueLinksDto,
  SignedLinkListResponseDto,
  SignedLinkResponseDto,
  UpdateBridgePointDto,
  VersionedActionDto,
} from './bridge-point.dto';
import { ContactsImportRejectionDto, ContactsImportReportDto } from './bridge-point-contacts-import.dto';
import { BridgePointContactsImportService } from './bridge-point-contacts-import.service';
import { BridgePointsService } from './bridge-points.service';

const isObject = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null;

const ORGANIZERS = 'the caller is neither an admin nor an organizer (Ban Tổ chức)';
const NO_CONFERENCE = 'the conference does not exist, or an operator has no point in it (conference_not_found)';
const NO_POINT = 'the conference does not exist (conference_not_found), or the point is not one of its points or not in the caller\'s scope (bridge_point_not_found)';
const NO_POINT_READ = "the point is not one of the conference's points, or not in the caller's scope (bridge_point_not_found)";
const CLOSED = 'the conference is completed or cancelled (conference_closed)';
const STALE = 'the version sent is not the current one (stale_version)';

@ApiTags('bridge-points')
@ApiBearerAuth()
@Controller('api/conferences/:id/bridge-points')
export class BridgePointsController {
  constructor(
    private readonly points: BridgePointsService,
    private readonly contacts: BridgePointContactsImportService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "List a conference's bridge points (điểm cầu)",
    description:
      'The points of the conference, main point first, then by province, level and name; filtered by level, parent, ' +
      'administrative unit, province, confirmation and connection state, and name (ignoring diacritics). Every role may ' +
      'call it; an operator (cán bộ điểm cầu) sees only the points in their scope.',
  })
  @ApiErrors({ 404: NO_CONFERENCE })
  @ApiPageResponse(BridgePointResponseDto, "the conference's points (an operator: their own), main point first, then by province")
  list(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: BridgePointListQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<BridgePointResponseDto>> {
    return this.points.list(id, query, user);
  }

  /** One point, `{ items: [...] }`, or `{ administrativeUnitSet, level?, parentCode? }` to connect a whole set. */
  @Roles('admin', 'organizer')
  @Post()
  @ApiOperation({
    summary: 'Add bridge points',
    description:
      'Three forms: one point; `{ items: [...] }`, up to 5,000 points created all together or none; or ' +
      '`{ administrativeUnitSet, level?, parentCode? }` to connect every province of the catalogue, or every commune ' +
      '(of one province, or of the country) each under its province point, leaving the points that exist alone. ' +
      'A point named by its administrative unit (đơn vị hành chính) takes its name, level, province and region from it; ' +
      'a unit is connected once per conference. Admins and organizers only.',
  })
  @ApiErrors({
    400:
      'a field is wrong: an unknown unit code (unknown_administrative_unit), no name without a unit (name_required), a parent ' +
      'that is not a point of the conference (unknown_parent), two main points in one list (several_main_points), communes ' +
      'outside vn-34 (communes_need_vn34), parentCode without level commune (parent_code_needs_commune) or not a province (unknown_province)',
    403: ORGANIZERS,
    404: 'the conference does not exist (conference_not_found)',
    409: `${CLOSED}, a unit already has its point (already_connected), or the conference has a main point already (main_point_taken)`,
  })
  @ApiExtraModels(CreateBridgePointDto, CreateBridgePointListDto, ConnectUnitsDto, BridgePointResponseDto, ConnectResultDto)
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CreateBridgePointDto) },
        { $ref: getSchemaPath(CreateBridgePointListDto) },
        { $ref: getSchemaPath(ConnectUnitsDto) },
      ],
    },
  })
  @ApiCreatedResponse({
    description: 'one point: the point; a list or a set: the counts (and, for a list, the points created)',
    schema: { oneOf: [{ $ref: getSchemaPath(BridgePointResponseDto) }, { $ref: getSchemaPath(ConnectResultDto) }] },
  })
  async create(
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: unknown,
    @CurrentUser() user: User,
  ): Promise<BridgePointResponseDto | ConnectResultDto> {
    if (isObject(body) && 'items' in body) {
      return this.points.createList(id, (await validateBody(CreateBridgePointListDto, body)).items, user);
    }
    if (isObject(body) && 'administrativeUnitSet' in body && !('administrativeUnitCode' in body) && !('name' in body)) {
      return this.points.connectUnits(id, await validateBody(ConnectUnitsDto, body), user);
    }
    return this.points.createOne(id, await validateBody(CreateBridgePointDto, body), user);
  }

  @Roles('admin', 'organizer', 'viewer')
  @Get('summary')
  @ApiOperation({
    summary: "Count a conference's bridge points",
    description:
      'How many points confirmed, declined or have not answered, their connection states, and the expected, reported and ' +
      'checked-in attendance, in total, by region and by province: the figures of the status board. Admins, organizers and viewers.',
  })
  @ApiOkResponse({ type: BridgePointSummaryResponseDto, description: 'the counts' })
  @ApiErrors({ 403: 'the caller is an operator', 404: 'the conference does not exist (conference_not_found)' })
  summary(@Param('id', ParseUuidPipe) id: string): Promise<BridgePointSummaryResponseDto> {
    return this.points.summary(id);
  }

  @Roles('admin', 'organizer')
  @Post('links')
  @ApiOperation({
    summary: 'Issue confirmation links for many points',
    description:
      "Issues a new signed link (liên kết xác nhận) for every point of the conference, or those of one province or one level, and " +
      "by default queues a mail with a link to each point's contactEmail. The link opens the confirmation page, where the point " +
      'confirms, declines, records connection checks and reports its attendance without an account. Earlier links stay valid ' +
      'until revoked. Admins and organizers only.',
  })
  @ApiErrors({
    400: 'expiresAt is not in the future (expires_in_past) or too long after the conference (expires_too_late)',
    403: ORGANIZERS,
    404: 'the conference does not exist (conference_not_found)',
  })
  @ApiCreatedResponse({
    type: SignedLinkListResponseDto,
    description: 'a new link for each point chosen, how many link mails were queued, and the points without an email',
  })
  issueLinks(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: IssueLinksDto,
    @CurrentUser() user: User,
  ): Promise<SignedLinkListResponseDto> {
    return this.points.issueLinks(id, dto, user);
  }

  /** 201 with the report (also for a dry run); 400 with the same report when a row is refused, and nothing written. */
  @Roles('admin', 'organizer')
  @Post('contacts/import')
  @ApiImportUpload(DRY_RUN_FIELD)
  @ApiOperation({
    summary: "Import the points' chairs and contacts from a file",
    description:
      'Reads a list of bridge points with who chairs each (người chủ trì, chức vụ) and who to call (cán bộ liên hệ, email, số ' +
      'điện thoại), as CSV (UTF-8) or XLSX, at most 20 MB, sent as multipart/form-data in the field "file". Each row names its ' +
      'point by name (Điểm cầu) or administrative unit code (Mã đơn vị), or both if they agree; a province of the former 63 is read ' +
      'as the province it became, with a warning (former_province). Blank cells keep what is stored. All or nothing: one refused ' +
      'row and nothing is written, and the answer is a 400 whose body is the error envelope together with the report ' +
      '(ContactsImportRejectionDto), each row error a detail named rows.<row>.<field> with a code. dryRun=true checks the file and ' +
      'reports what would change, writing nothing. Admins and organizers only.',
  })
  @ApiResponse({ status: 201, type: ContactsImportReportDto, description: "the points' contacts imported (or checked, with dryRun)" })
  @ApiErrors({
    400: {
      description:
        'a row was refused and nothing was written: the envelope with the report (ContactsImportRejectionDto), each detail naming ' +
        'rows.<row>.<field> with a code; or the file cannot be read, has no point column (no_point_column), no contact column ' +
        '(no_contact_column) or no rows, or dryRun is wrong',
      or: ContactsImportRejectionDto,
    },
    403: ORGANIZERS,
    404: 'the conference does not exist (conference_not_found)',
    409: `${CLOSED}, or a point changed while the import was written (stale_version)`,
    413: 'the file is larger than 20 MB (file_too_large)',
  })
  async importContacts(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentUser() user: User,
  ): Promise<void> {
    await replyWithImportReport(reply, await this.contacts.import(id, () => readUpload(request), query, user));
  }

  @Get(':bpId')
  @ApiOperation({
    summary: 'Read a bridge point',
    description: 'One point with its chair, contacts, confirmation, connection and attendance. Every role may call it; an operator only for a point in their scope.',
  })
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point' })
  @ApiErrors({ 404: NO_POINT_READ })
  async get(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @CurrentUser() user: User,
  ): Promise<BridgePointResponseDto> {
    return this.points.get(id, bpId, await this.points.actorFor(user));
  }

  @Roles('admin', 'organizer')
  @Patch(':bpId')
  @ApiOperation({
    summary: 'Change a bridge point',
    description: 'Changes the fields given, if `version` is still the current one. Recorded in the audit trail. Admins and organizers only.',
  })
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point as changed' })
  @ApiErrors({
    400: 'a field is wrong, or parentId is the point itself (own_parent) or not a point of the conference (unknown_parent)',
    403: ORGANIZERS,
    404: NO_POINT,
    409: `${CLOSED}, ${STALE}, or another point is the main one already (main_point_taken)`,
  })
  update(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @Body() dto: UpdateBridgePointDto,
    @CurrentUser() user: User,
  ): Promise<BridgePointResponseDto> {
    return this.points.update(id, bpId, dto, user);
  }

  @Roles('admin', 'organizer', 'operator')
  @Post(':bpId/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a bridge point takes part (xác nhận)',
    description:
      'Records that the point takes part, with its chair and contacts if given. Confirming again is harmless; a point that ' +
      'declined must be reopened by an organizer first. Admins, organizers, and operators for a point in their scope.',
  })
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point, confirmed' })
  @ApiErrors({
    403: 'the caller is a viewer',
    404: NO_POINT,
    409: `${CLOSED}, ${STALE}, or the point declined and has not been reopened (already_declined)`,
  })
  async confirm(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @Body() dto: ConfirmBridgePointDto,
    @CurrentUser() user: User,
  ): Promise<BridgePointResponseDto> {
    return this.points.confirm(id, bpId, dto, await this.points.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Post(':bpId/decline')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decline for a bridge point (từ chối)',
    description:
      'Records that the point does not take part, with the reason. Declining again is harmless; a point that confirmed must be ' +
      'reopened by an organizer first. Admins, organizers, and operators for a point in their scope.',
  })
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point, declined' })
  @ApiErrors({
    403: 'the caller is a viewer',
    404: NO_POINT,
    409: `${CLOSED}, ${STALE}, or the point confirmed and has not been reopened (already_confirmed)`,
  })
  async decline(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @Body() dto: DeclineBridgePointDto,
    @CurrentUser() user: User,
  ): Promise<BridgePointResponseDto> {
    return this.points.decline(id, bpId, dto, await this.points.actorFor(user));
  }

  @Roles('admin', 'organizer')
  @Post(':bpId/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: "Reopen a bridge point's answer",
    description: 'Sets the point back to pending (chưa trả lời), clearing its decline reason, so that it can confirm or decline anew. Admins and organizers only.',
  })
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point, pending again' })
  @ApiErrors({ 403: ORGANIZERS, 404: NO_POINT, 409: `${CLOSED}, or ${STALE}` })
  reopen(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @Body() dto: VersionedActionDto,
    @CurrentUser() user: User,
  ): Promise<BridgePointResponseDto> {
    return this.points.reopen(id, bpId, dto, user);
  }

  @Roles('admin', 'organizer', 'operator')
  @Post(':bpId/connection-checks')
  @ApiOperation({
    summary: 'Record a connection check (kiểm tra kết nối)',
    description:
      "Records the result of a test of the point's video link; the latest check becomes the point's connection state, the " +
      'earlier ones stay as its history. Admins, organizers, and operators for a point in their scope.',
  })
  @ApiErrors({ 403: 'the caller is a viewer', 404: NO_POINT, 409: CLOSED })
  @ApiCreatedResponse({ type: ConnectionCheckResultDto, description: "the check, and the point with the check's result as its connection state" })
  async connectionCheck(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @Body() dto: ConnectionCheckDto,
    @CurrentUser() user: User,
  ): Promise<ConnectionCheckResultDto> {
    return this.points.connectionCheck(id, bpId, dto, await this.points.actorFor(user));
  }

  @Get(':bpId/connection-checks')
  @ApiOperation({
    summary: "List a bridge point's connection checks",
    description: 'Every connection check recorded for the point, latest first. Every role may call it; an operator only for a point in their scope.',
  })
  @ApiErrors({ 404: NO_POINT_READ })
  @ApiOkResponse({ type: [ConnectionCheckResponseDto], description: "the point's connection checks, latest first" })
  async checkHistory(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @CurrentUser() user: User,
  ): Promise<ConnectionCheckResponseDto[]> {
    return this.points.checkHistory(id, bpId, await this.points.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Post(':bpId/attendance')
  @HttpCode(200)
  @ApiOperation({
    summary: "Report a bridge point's headcount",
    description:
      'Records how many delegates are actually at the point (số đại biểu thực tế); it stands for the point\'s attendance from then ' +
      'on instead of the count of check-ins. Accepted from CHECKIN_OPENS_MINUTES before the start until the conference is completed. ' +
      'Admins, organizers, and operators for a point in their scope.',
  })
  @ApiErrors({
    403: 'the caller is a viewer',
    404: NO_POINT,
    409: `${CLOSED}, or attendance is not open yet (attendance_not_open)`,
  })
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point with its actual attendance' })
  async attendance(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @Body() dto: AttendanceDto,
    @CurrentUser() user: User,
  ): Promise<BridgePointResponseDto> {
    return this.points.attendance(id, bpId, dto, await this.points.actorFor(user));
  }

  @Roles('admin', 'organizer')
  @Post(':bpId/links')
  @ApiOperation({
    summary: "Issue a bridge point's confirmation link",
    description:
      "Issues a new signed link for the point and by default mails it to the point's contactEmail. Earlier links stay valid " +
      'until revoked. Admins and organizers only.',
  })
  @ApiErrors({ 400: 'expiresAt is not in the future (expires_in_past) or too long after the conference (expires_too_late)', 403: ORGANIZERS, 404: NO_POINT })
  @ApiCreatedResponse({ type: SignedLinkResponseDto, description: 'a new link (earlier ones stay valid until revoked)' })
  issueLink(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @Body() dto: IssueLinkDto,
    @CurrentUser() user: User,
  ): Promise<SignedLinkResponseDto> {
    return this.points.issueLink(id, bpId, dto, user);
  }

  @Roles('admin', 'organizer')
  @Delete(':bpId/links')
  @ApiOperation({
    summary: "Revoke a bridge point's links",
    description: 'Revokes every live signed link of the point; they answer 410 from then on. Admins and organizers only.',
  })
  @ApiErrors({ 403: ORGANIZERS, 404: NO_POINT_READ })
  @ApiOkResponse({ type: RevokedLinksResponseDto, description: 'every link of the point revoked' })
  revokeLinks(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @CurrentUser() user: User,
  ): Promise<RevokedLinksResponseDto> {
    return this.points.revokeLinks(id, bpId, user);
  }
}
