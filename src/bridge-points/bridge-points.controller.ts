import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { RevokedLinksResponseDto } from '../auth/signed-link.dto';
import { User } from '../auth/user.entity';
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

@ApiTags('bridge-points')
@ApiBearerAuth()
@Controller('api/conferences/:id/bridge-points')
export class BridgePointsController {
  constructor(
    private readonly points: BridgePointsService,
    private readonly contacts: BridgePointContactsImportService,
  ) {}

  @Get()
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
  @ApiOkResponse({ type: BridgePointSummaryResponseDto })
  summary(@Param('id', ParseUuidPipe) id: string): Promise<BridgePointSummaryResponseDto> {
    return this.points.summary(id);
  }

  @Roles('admin', 'organizer')
  @Post('links')
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
  @ApiResponse({ status: 201, type: ContactsImportReportDto, description: "the points' contacts imported (or checked, with dryRun)" })
  @ApiResponse({ status: 400, type: ContactsImportRejectionDto, description: 'rows refused: the error envelope with the report; nothing written' })
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
  @ApiOkResponse({ type: BridgePointResponseDto })
  async get(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @CurrentUser() user: User,
  ): Promise<BridgePointResponseDto> {
    return this.points.get(id, bpId, await this.points.actorFor(user));
  }

  @Roles('admin', 'organizer')
  @Patch(':bpId')
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point as changed' })
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
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point, confirmed' })
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
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point, declined' })
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
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point, pending again' })
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
  @ApiOkResponse({ type: RevokedLinksResponseDto, description: 'every link of the point revoked' })
  revokeLinks(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @CurrentUser() user: User,
  ): Promise<RevokedLinksResponseDto> {
    return this.points.revokeLinks(id, bpId, user);
  }
}
