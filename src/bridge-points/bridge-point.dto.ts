import { LinkOptionsDto } from '../auth/signed-link.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { UNIT_LEVELS, UNIT_SETS, UnitLevel, UnitSet } from '../administrative-units/administrative-unit.entity';
import { AGENDA_ITEM_KINDS } from '../agenda/agenda-item.entity';
import { PublicAgendaItem } from '../agenda/public-agenda';
import { IssuedLinkResponseDto } from '../auth/signed-link.dto';
import { PageQueryDto } from '../common/pagination';
import { coded } from '../common/validation-messages';
import { normalizePhone } from '../common/phone';
import { IsOmittable, IsText } from '../common/validators';
import { CONFERENCE_FORMATS, CONFERENCE_KINDS, CONFERENCE_STATUSES, ConferenceFormat, ConferenceKind, ConferenceStatus } from '../conferences/conference.entity';
import { PublicConference } from '../conferences/public-conference';
import { actualAttendees } from './bridge-point-attendance';
import { MAIN_HALL_REGION } from './bridge-point-summary.repository';
import {
  BRIDGE_POINT_LEVELS,
  BridgePoint,
  BridgePointLevel,
  CONFIRMATION_STATUSES,
  CONNECTION_RESULTS,
  CONNECTION_STATUSES,
  ConfirmationStatus,
  ConnectionResult,
  ConnectionStatus,
} from './bridge-point.entity';
import { ConnectionCheck } from './connection-check.entity';

const MAX_ATTENDEES = 100_000;
/** A phone in any usual Vietnamese writing, stored as +84…; an unreadable one stays as is and fails @Matches. */
const toPhone = ({ value }: { value: unknown }) => (typeof value === 'string' ? (normalizePhone(value) ?? value) : value);
const PHONE_MESSAGE = coded('not_a_phone', 'Trường "$property" không đúng dạng số điện thoại Việt Nam, ví dụ 0912 345 678.');
const UNIT_CODE_MESSAGE = coded('not_a_unit_code', 'Trường "$property" phải là mã tỉnh 2 chữ số hoặc mã xã 5 chữ số, ví dụ 24 hoặc 25114.');
const PROVINCE_CODE_MESSAGE = coded('not_a_province_code', 'Trường "$property" phải là mã tỉnh, thành phố 2 chữ số, ví dụ 24.');
const lowerEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

const LEVEL = 'level (cấp): central (Trung ương), provincial (tỉnh, thành phố), commune (xã, phường) or other';
const UNIT_SET = 'administrative-unit catalogue the code belongs to: vn-34 (the 34 provinces and their communes, in force since 2025-07-01) or vn-63 (the 63 provinces before)';
const CONFIRMATION = 'whether the point confirmed it takes part (xác nhận): pending, confirmed or declined';
const CONNECTION = 'the result of the latest connection check (kiểm tra kết nối): untested, ok, failed or degraded';

/** Who leads and who to call at a bridge point: set when creating, editing or confirming it. */
export class BridgePointContactDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn An', description: 'who chairs the point (người chủ trì), at most 200 characters' })
  @IsOptional()
  @IsText(200)
  chairName?: string;
  @ApiPropertyOptional({ example: 'Phó Bí thư Thường trực Tỉnh ủy', description: "the chair's position, at most 300 characters" })
  @IsOptional()
  @IsText(300)
  chairTitle?: string;
  @ApiPropertyOptional({ description: 'the technical contact (cán bộ kỹ thuật, đầu mối), at most 200 characters' })
  @IsOptional()
  @IsText(200)
  contactName?: string;
  @ApiPropertyOptional({ example: '0912 345 678', description: "the contact's phone in any usual Vietnamese writing; stored in +84 form" })
  @IsOptional()
  @Transform(toPhone)
  @Matches(/^\+84\d{9,10}$/, PHONE_MESSAGE)
  contactPhone?: string;
  @ApiPropertyOptional({ description: "the contact's email, stored lower-case; confirmation links are mailed to it" })
  @IsOptional()
  @Transform(lowerEmail)
  @IsEmail()
  contactEmail?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_ATTENDEES, description: 'delegates expected at the point (số đại biểu dự kiến)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ATTENDEES)
  expectedAttendees?: number;
}

export class CreateBridgePointDto extends BridgePointContactDto {
  @ApiPropertyOptional({ description: 'defaults to a name derived from the administrative unit; required without one', example: 'Điểm cầu Trung ương' })
  @IsOptional()
  @IsText(300)
  name?: string;

  @ApiPropertyOptional({ enum: BRIDGE_POINT_LEVELS, description: `${LEVEL}; defaults from the administrative unit, otherwise other` })
  @IsOptional()
  @IsIn(BRIDGE_POINT_LEVELS)
  level?: BridgePointLevel;

  @ApiPropertyOptional({ default: false, description: 'the main point (điểm cầu chính, the main hall); a conference has exactly one before it is published' })
  @IsOptional()
  @IsBoolean()
  isMain?: boolean;

  @ApiPropertyOptional({ enum: UNIT_SETS, default: 'vn-34', description: UNIT_SET })
  @IsOptional()
  @IsIn(UNIT_SETS)
  administrativeUnitSet?: UnitSet;

  @ApiPropertyOptional({ example: '24', description: 'the administrative unit (đơn vị hành chính) the point serves: 2-digit province or 5-digit commune code; one point per unit' })
  @IsOptional()
  @Matches(/^\d{2}(\d{3})?$/, UNIT_CODE_MESSAGE)
  administrativeUnitCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "UUID of the point this one is counted under, e.g. a commune's province point; defaults to the province's point for a commune" })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ description: 'street address of the point, at most 500 characters' }) @IsOptional() @IsText(500) address?: string;

  @ApiPropertyOptional({ description: "organizers' notes, at most 5,000 characters" }) @IsOptional() @IsText(5000, { allowEmpty: true }) notes?: string;

  @ApiPropertyOptional({ description: 'self-registration places at this point', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ATTENDEES)
  capacity?: number;
}

export class CreateBridgePointListDto {
  @ApiProperty({ type: [CreateBridgePointDto], description: 'the points to create, 1 to 5,000; all are created or none' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => CreateBridgePointDto)
  items!: CreateBridgePointDto[];
}

/** Connect every province of a set, or every commune (of one province or of the country), at once. */
export class ConnectUnitsDto {
  @ApiProperty({ enum: UNIT_SETS, description: `${UNIT_SET}; communes only for vn-34` }) @IsIn(UNIT_SETS)
  administrativeUnitSet!: UnitSet;

  @ApiPropertyOptional({ enum: UNIT_LEVELS, default: 'province', description: 'province: a point per province; commune: a point per commune, each under its province point (created when missing)' })
  @IsOptional()
  @IsIn(UNIT_LEVELS)
  level?: UnitLevel;

  @ApiPropertyOptional({ example: '24', description: 'only the communes of this vn-34 province (2-digit code); with level commune only' })
  @IsOptional()
  @Matches(/^\d{2}$/, PROVINCE_CODE_MESSAGE)
  parentCode?: string;
}

export class ConnectResultDto {
  @ApiProperty({ description: 'points created' }) created!: number;
  @ApiProperty({ description: 'points that already existed and were left alone' }) existing!: number;
  @ApiPropertyOptional({ type: () => [BridgePointResponseDto], description: 'the created points (list form only)' })
  items?: BridgePointResponseDto[];
}

/** Only the fields given change. */
export class UpdateBridgePointDto extends BridgePointContactDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ description: 'name of the point, at most 300 characters' }) @IsOmittable() @IsText(300) name?: string;
  @ApiPropertyOptional({ enum: BRIDGE_POINT_LEVELS, description: LEVEL }) @IsOmittable() @IsIn(BRIDGE_POINT_LEVELS) level?: BridgePointLevel;
  @ApiPropertyOptional({ description: 'make it the main point; refused while another point is the main one' }) @IsOmittable() @IsBoolean() isMain?: boolean;
  @ApiPropertyOptional({ description: 'street address, at most 500 characters' }) @IsOptional() @IsText(500) address?: string;
  @ApiPropertyOptional({ description: "organizers' notes, at most 5,000 characters" }) @IsOptional() @IsText(5000, { allowEmpty: true }) notes?: string;
  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'UUID of the point this one is counted under (another point of the conference)' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, description: 'self-registration places at this point; null: no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ATTENDEES)
  capacity?: number | null;
}

export class VersionedActionDto {
  @ApiPropertyOptional({ description: 'the version read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ConfirmBridgePointDto extends BridgePointContactDto {
  @ApiPropertyOptional({ description: 'the version read; a stale one answers 409' }) @IsOptional() @IsInt() @Min(1) version?: number;
}

export class DeclineBridgePointDto extends VersionedActionDto {
  @ApiProperty({ example: 'Trùng lịch kỳ họp Hội đồng nhân dân tỉnh', description: 'why the point does not take part, at most 1,000 characters' })
  @IsText(1000)
  reason!: string;
}

export class ConnectionCheckDto {
  @ApiProperty({ enum: CONNECTION_RESULTS, description: 'ok (tốt), failed (không kết nối được) or degraded (chập chờn)' })
  @IsIn(CONNECTION_RESULTS)
  result!: ConnectionResult;
  @ApiPropertyOptional({ example: 'Hình ảnh tốt, âm thanh rè', description: 'what was seen and heard, at most 1,000 characters' })
  @IsOptional()
  @IsText(1000)
  note?: string;
}

export class AttendanceDto {
  @ApiProperty({ minimum: 0, maximum: MAX_ATTENDEES, description: 'the headcount at the point (số đại biểu thực tế); replaces the count of check-ins from then on' })
  @IsInt()
  @Min(0)
  @Max(MAX_ATTENDEES)
  actualAttendees!: number;
}

export class BridgePointListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BRIDGE_POINT_LEVELS, description: 'only points of this level' }) @IsOptional() @IsIn(BRIDGE_POINT_LEVELS) level?: BridgePointLevel;
  @ApiPropertyOptional({ format: 'uuid', description: 'only the points counted under this point (UUID)' }) @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({ description: 'only the point of this administrative unit: 2-digit province or 5-digit commune code' })
  @IsOptional()
  @Matches(/^\d{2}(\d{3})?$/, UNIT_CODE_MESSAGE)
  administrativeUnitCode?: string;
  @ApiPropertyOptional({ description: 'points counted under this province (its own and its communes), 2-digit code' })
  @IsOptional()
  @Matches(/^\d{2}$/, PROVINCE_CODE_MESSAGE)
  provinceCode?: string;
  @ApiPropertyOptional({ enum: CONFIRMATION_STATUSES, description: 'only points in this confirmation state' })
  @IsOptional()
  @IsIn(CONFIRMATION_STATUSES)
  confirmationStatus?: ConfirmationStatus;
  @ApiPropertyOptional({ enum: CONNECTION_STATUSES, description: 'only points in this connection state' })
  @IsOptional()
  @IsIn(CONNECTION_STATUSES)
  connectionStatus?: ConnectionStatus;
  @ApiPropertyOptional({ description: 'name contains, ignoring diacritics' }) @IsOptional() @IsText(200) q?: string;
}

/** POST …/links: confirmation links (expiry and replacement as every signed link), mailed unless `send` is false. */
export class IssueLinkDto extends LinkOptionsDto {
  @ApiPropertyOptional({ default: true, description: "also email a confirmation link to each point's contact (contactEmail)" })
  @IsOptional()
  @IsBoolean()
  send?: boolean;

  @ApiPropertyOptional({ deprecated: true, description: 'the former name of send, still read when send is not given' })
  @IsOptional()
  @IsBoolean()
  sendEmail?: boolean;
}

export class IssueLinksDto extends IssueLinkDto {
  @ApiPropertyOptional({ description: 'only the points counted under this province (its own and its communes), 2-digit code' })
  @IsOptional()
  @Matches(/^\d{2}$/, PROVINCE_CODE_MESSAGE)
  provinceCode?: string;

  @ApiPropertyOptional({ enum: BRIDGE_POINT_LEVELS, description: 'only the points of this level' }) @IsOptional() @IsIn(BRIDGE_POINT_LEVELS) level?: BridgePointLevel;
}

export class BridgePointResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the bridge point (điểm cầu)' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of its conference' }) conferenceId!: string;
  @ApiProperty({ description: 'name of the point', example: 'Điểm cầu tỉnh Bắc Ninh' }) name!: string;
  @ApiProperty({ enum: BRIDGE_POINT_LEVELS, description: LEVEL }) level!: BridgePointLevel;
  @ApiProperty({ description: 'the main point (điểm cầu chính)' }) isMain!: boolean;
  @ApiProperty({ nullable: true, enum: UNIT_SETS, description: `${UNIT_SET}; null without a unit` }) administrativeUnitSet!: UnitSet | null;
  @ApiProperty({ nullable: true, type: String, description: 'code of the administrative unit it serves; null for the central and other points' })
  administrativeUnitCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the province it is counted under (2-digit code); null for the central and other points without one' })
  provinceCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'socio-economic region (vùng) of its province, e.g. Đồng bằng sông Hồng' }) region!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'UUID of the point it is counted under' }) parentId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'street address' }) address!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'who chairs the point (người chủ trì)' }) chairName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the chair's position" }) chairTitle!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the technical contact (cán bộ kỹ thuật)' }) contactName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the contact's phone, +84 form" }) contactPhone!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the contact's email, lower-case" }) contactEmail!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'delegates expected (số đại biểu dự kiến)' }) expectedAttendees!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'số đại biểu thực tế: reportedAttendees when the point reported a headcount, otherwise checkedInAttendees; null when neither is known',
  })
  actualAttendees!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "the headcount the point's operator reported (POST …/attendance)" })
  reportedAttendees!: number | null;
  @ApiProperty({ description: "how many of the point's delegates are checked in" }) checkedInAttendees!: number;
  @ApiProperty({ enum: CONFIRMATION_STATUSES, description: CONFIRMATION }) confirmationStatus!: ConfirmationStatus;
  @ApiProperty({ nullable: true, type: String, description: 'why the point declined; null unless declined' }) declineReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when it first confirmed (ISO 8601, UTC); null unless confirmed' })
  confirmedAt!: string | null;
  @ApiProperty({ enum: CONNECTION_STATUSES, description: CONNECTION }) connectionStatus!: ConnectionStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when the latest connection check was recorded (ISO 8601, UTC)' })
  connectionCheckedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "organizers' notes" }) notes!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'self-registration places at this point; null: no limit' }) capacity!: number | null;
  @ApiProperty({ description: 'optimistic-locking version; send it back when changing the point' }) version!: number;
}

export function toBridgePointResponse(p: BridgePoint): BridgePointResponseDto {
  return {
    id: p.id,
    conferenceId: p.conferenceId,
    name: p.name,
    level: p.level,
    isMain: p.isMain,
    administrativeUnitSet: p.administrativeUnitSet,
    administrativeUnitCode: p.administrativeUnitCode,
    provinceCode: p.provinceCode,
    region: p.region,
    parentId: p.parentId,
    address: p.address,
    chairName: p.chairName,
    chairTitle: p.chairTitle,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    contactEmail: p.contactEmail,
    expectedAttendees: p.expectedAttendees,
    actualAttendees: actualAttendees(p),
    reportedAttendees: p.reportedAttendees,
    checkedInAttendees: p.checkedInAttendees,
    confirmationStatus: p.confirmationStatus,
    declineReason: p.declineReason,
    confirmedAt: p.confirmedAt ? p.confirmedAt.toISOString() : null,
    connectionStatus: p.connectionStatus,
    connectionCheckedAt: p.connectionCheckedAt ? p.connectionCheckedAt.toISOString() : null,
    notes: p.notes,
    capacity: p.capacity,
    version: p.version,
  };
}

export class ConnectionCheckResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the check' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of the bridge point checked' }) bridgePointId!: string;
  @ApiProperty({ enum: CONNECTION_RESULTS, description: 'ok, failed or degraded' }) result!: ConnectionResult;
  @ApiProperty({ nullable: true, type: String, description: 'what was seen and heard' }) note!: string | null;
  @ApiProperty({ format: 'date-time', description: 'when it was recorded (ISO 8601, UTC)' }) checkedAt!: string;
  @ApiProperty({ description: "a user's email, or link:<id> for a signed link" }) checkedBy!: string;
}

export const toConnectionCheckResponse = (c: ConnectionCheck): ConnectionCheckResponseDto => ({
  id: c.id,
  bridgePointId: c.bridgePointId,
  result: c.result,
  note: c.note,
  checkedAt: c.checkedAt.toISOString(),
  checkedBy: c.checkedBy,
});

/** A connection check as recorded, with the point's new connection state. */
export class ConnectionCheckResultDto {
  @ApiProperty({ type: BridgePointResponseDto, description: "the point, with the check's result as its connection state" }) bridgePoint!: BridgePointResponseDto;
  @ApiProperty({ type: ConnectionCheckResponseDto, description: 'the check as recorded' }) check!: ConnectionCheckResponseDto;
}

/** A bridge point's confirmation link. */
export class SignedLinkResponseDto extends IssuedLinkResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the bridge point the link opens' }) bridgePointId!: string;
}

/** A point named in an answer, e.g. one whose link mail reaches nobody. */
export class PointNameDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the bridge point' }) bridgePointId!: string;
  @ApiProperty({ example: 'Điểm cầu tỉnh Cao Bằng', description: 'its name' }) name!: string;
}

export class SignedLinkListResponseDto {
  @ApiProperty({ type: [SignedLinkResponseDto], description: 'one link per point, in connection order' }) items!: SignedLinkResponseDto[];
  @ApiProperty({ description: 'link mails queued for sending (none unless send is true, the default)' }) queued!: number;
  @ApiProperty({ type: [PointNameDto], description: 'the points chosen that have no contactEmail, whom no mail reaches' })
  withoutEmail!: PointNameDto[];
}

export class ConfirmationCountsDto {
  @ApiProperty({ description: 'points that have not answered yet' }) pending!: number;
  @ApiProperty({ description: 'points that confirmed they take part' }) confirmed!: number;
  @ApiProperty({ description: 'points that declined' }) declined!: number;
}

export class ConnectionCountsDto {
  @ApiProperty({ description: 'points not checked yet' }) untested!: number;
  @ApiProperty({ description: 'points whose latest check was ok' }) ok!: number;
  @ApiProperty({ description: 'points whose latest check failed' }) failed!: number;
  @ApiProperty({ description: 'points whose latest check was degraded (chập chờn)' }) degraded!: number;
}

export class RegionSummaryDto {
  @ApiProperty({ example: 'Đồng bằng sông Hồng', description: `points without a region are counted under "${MAIN_HALL_REGION}"` })
  region!: string;
  @ApiProperty({ description: 'points in the region' }) total!: number;
  @ApiProperty({ description: 'of which confirmed' }) confirmed!: number;
  @ApiProperty({ description: 'of which declined' }) declined!: number;
  @ApiProperty({ description: 'of which not answered yet' }) pending!: number;
}

export class ProvinceSummaryDto {
  @ApiProperty({ example: '24', description: '2-digit province code' }) code!: string;
  @ApiProperty({ example: 'Bắc Ninh', description: 'province name' }) name!: string;
  @ApiProperty({ description: "the province's own point and its communes' points" }) total!: number;
  @ApiProperty({ description: 'of which confirmed' }) confirmed!: number;
  @ApiProperty({ description: 'of which declined' }) declined!: number;
  @ApiProperty({ description: 'of which not answered yet' }) pending!: number;
  @ApiProperty({ description: "the sum of the points' expectedAttendees" }) expectedAttendees!: number;
  @ApiProperty({ description: "the sum of the points' actualAttendees" }) actualAttendees!: number;
  @ApiProperty({ description: 'the sum of the headcounts the points reported' }) reportedAttendees!: number;
  @ApiProperty({ description: 'delegates checked in at these points' }) checkedInAttendees!: number;
}

/** GET …/bridge-points/summary: the counts the status board and the control room show. */
export class BridgePointSummaryResponseDto {
  @ApiProperty({ description: 'points of the conference' }) total!: number;
  @ApiProperty({ type: ConfirmationCountsDto, description: 'points by confirmation state' }) byConfirmation!: ConfirmationCountsDto;
  @ApiProperty({ type: ConnectionCountsDto, description: 'points by connection state' }) byConnection!: ConnectionCountsDto;
  @ApiProperty({ type: [RegionSummaryDto], description: 'in Vietnamese alphabetical order' }) byRegion!: RegionSummaryDto[];
  @ApiProperty({ type: [ProvinceSummaryDto], description: 'by province code; commune points counted under their province' })
  byProvince!: ProvinceSummaryDto[];
  @ApiProperty({ description: "the sum of the points' expectedAttendees" }) expectedAttendees!: number;
  @ApiProperty({ description: "the sum of the points' actualAttendees" }) actualAttendees!: number;
  @ApiProperty({ description: 'the sum of the headcounts the points reported' }) reportedAttendees!: number;
  @ApiProperty({ description: 'delegates checked in at these points' }) checkedInAttendees!: number;
}

/** The conference as a bridge point's staff see it through their signed link. */
export class PublicConferenceDto implements PublicConference {
  @ApiProperty({ format: 'uuid', description: 'UUID of the conference' }) id!: string;
  @ApiProperty({ description: 'title (tên hội nghị)' }) title!: string;
  @ApiProperty({ enum: CONFERENCE_KINDS, description: 'kind of conference' }) kind!: ConferenceKind;
  @ApiProperty({ enum: CONFERENCE_FORMATS, description: 'in_person, online or hybrid' }) format!: ConferenceFormat;
  @ApiProperty({ enum: CONFERENCE_STATUSES, description: 'state; completed and cancelled conferences take no more answers' }) status!: ConferenceStatus;
  @ApiProperty({ format: 'date-time', description: 'opening time (ISO 8601, UTC)' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'closing time (ISO 8601, UTC)' }) endsAt!: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh', description: 'IANA time zone the times are shown in' }) timezone!: string;
  @ApiProperty({ nullable: true, type: String, description: 'where the main hall is' }) venue!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the meeting link' }) onlineUrl!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the organizing body' }) hostOrganization!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'who chairs the conference' }) chairName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the chair's position" }) chairTitle!: string | null;
}

export class PublicAgendaItemDto implements PublicAgendaItem {
  @ApiProperty({ description: 'title of the agenda item (mục chương trình)' }) title!: string;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS, description: 'kind of item' }) kind!: string;
  @ApiProperty({ format: 'date-time', description: 'start (ISO 8601, UTC)' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'end (ISO 8601, UTC)' }) endsAt!: string;
}

/** GET /api/public/bridge-points/:token. */
export class PublicBridgePointViewDto {
  @ApiProperty({ type: PublicConferenceDto, description: 'the conference' }) conference!: PublicConferenceDto;
  @ApiProperty({ type: BridgePointResponseDto, description: 'the point the link opens' }) bridgePoint!: BridgePointResponseDto;
  @ApiProperty({ type: [PublicAgendaItemDto], description: 'in order of time' }) agenda!: PublicAgendaItemDto[];
  @ApiProperty({ type: [ConnectionCheckResponseDto], description: "the point's connection checks, newest first" })
  checks!: ConnectionCheckResponseDto[];
  @ApiProperty({ format: 'date-time', description: 'when the link stops working (ISO 8601, UTC)' }) linkExpiresAt!: string;
}
