import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { validateBody } from '../common/validate-body';
import { BridgePointSummary } from './bridge-point-summary.repository';
import {
  AttendanceDto,
  BridgePointListQueryDto,
  BridgePointResponseDto,
  ConfirmBridgePointDto,
  ConnectionCheckDto,
  ConnectUnitsDto,
  CreateBridgePointDto,
  CreateBridgePointListDto,
  DeclineBridgePointDto,
  IssueLinkDto,
  IssueLinksDto,
  UpdateBridgePointDto,
  VersionedActionDto,
} from './bridge-point.dto';
import { BridgePointsService } from './bridge-points.service';

const isObject = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null;

@ApiTags('bridge-points')
@ApiBearerAuth()
@Controller('api/conferences/:id/bridge-points')
export class BridgePointsController {
  constructor(private readonly points: BridgePointsService) {}

  @Get()
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
  @ApiExtraModels(CreateBridgePointDto, CreateBridgePointListDto, ConnectUnitsDto)
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CreateBridgePointDto) },
        { $ref: getSchemaPath(CreateBridgePointListDto) },
        { $ref: getSchemaPath(ConnectUnitsDto) },
      ],
    },
  })
  async create(@Param('id', ParseUuidPipe) id: string, @Body() body: unknown, @CurrentUser() user: User) {
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
  summary(@Param('id', ParseUuidPipe) id: string): Promise<BridgePointSummary> {
    return this.points.summary(id);
  }

  @Roles('admin', 'organizer')
  @Post('links')
  issueLinks(@Param('id', ParseUuidPipe) id: string, @Body() dto: IssueLinksDto, @CurrentUser() user: User) {
    return this.points.issueLinks(id, dto, user);
  }

  @Get(':bpId')
  async get(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @CurrentUser() user: User,
  ): Promise<BridgePointResponseDto> {
    return this.points.get(id, bpId, await this.points.actorFor(user));
  }

  @Roles('admin', 'organizer')
  @Patch(':bpId')
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
  async connectionCheck(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @Body() dto: ConnectionCheckDto,
    @CurrentUser() user: User,
  ) {
    return this.points.connectionCheck(id, bpId, dto, await this.points.actorFor(user));
  }

  @Get(':bpId/connection-checks')
  async checkHistory(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @CurrentUser() user: User,
  ) {
    return this.points.checkHistory(id, bpId, await this.points.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Post(':bpId/attendance')
  @HttpCode(200)
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
  issueLink(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @Body() dto: IssueLinkDto,
    @CurrentUser() user: User,
  ) {
    return this.points.issueLink(id, bpId, dto, user);
  }

  @Roles('admin', 'organizer')
  @Delete(':bpId/links')
  revokeLinks(
    @Param('id', ParseUuidPipe) id: string,
    @Param('bpId', ParseUuidPipe) bpId: string,
    @CurrentUser() user: User,
  ) {
    return this.points.revokeLinks(id, bpId, user);
  }
}
