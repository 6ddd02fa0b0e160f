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
import { IssuedLinkResponseDto } from '../auth/signed-link.dto';
import { PageQueryDto } from '../common/pagination';
import { normalizePhone } from '../common/phone';
import { IsIsoInstant, IsOmittable, IsText } from '../common/validators';
import { CONFERENCE_FORMATS, CONFERENCE_KINDS, CONFERENCE_STATUSES } from '../conferences/conference.entity';
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
const PHONE_MESSAGE = '$property must be a Vietnamese phone number, e.g. 0912 345 678';
const lowerEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** Who leads and who to call at a bridge point: set when creating, editing or confirming it. */
export class BridgePointContactDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn An' }) @IsOptional() @IsText(200) chairName?: string;
  @ApiPropertyOptional({ example: 'Phó Bí thư Thường trực Tỉnh ủy' }) @IsOptional() @IsText(300) chairTitle?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(200) contactName?: string;
  @ApiPropertyOptional({ example: '0912 345 678' })
  @IsOptional()
  @Transform(toPhone)
  @Matches(/^\+84\d{9,10}$/, { message: PHONE_MESSAGE })
  contactPhone?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(lowerEmail)
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  contactEmail?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_ATTENDEES })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ATTENDEES)
  expectedAttendees?: number;
}

export class CreateBridgePointDto extends BridgePointContactDto {
  @ApiPropertyOptional({ description: 'defaults to a name derived from the administrative unit', example: 'Điểm cầu Trung ương' })
  @IsOptional()
  @IsText(300)
  name?: string;

  @ApiPropertyOptional({ enum: BRIDGE_POINT_LEVELS, description: 'defaults from the administrative unit' })
  @IsOptional()
  @IsIn(BRIDGE_POINT_LEVELS)
  level?: BridgePointLevel;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isMain?: boolean;

  @ApiPropertyOptional({ enum: UNIT_SETS, default: 'vn-34' }) @IsOptional() @IsIn(UNIT_SETS) administrativeUnitSet?: UnitSet;

  @ApiPropertyOptional({ example: '24' })
  @IsOptional()
  @Matches(/^\d{2}(\d{3})?$/, { message: 'administrativeUnitCode must be a 2-digit province or 5-digit commune code' })
  administrativeUnitCode?: string;

  @ApiPropertyOptional({ description: "a commune's province point" }) @IsOptional() @IsUUID() parentId?: string;

  @ApiPropertyOptional() @IsOptional() @IsText(500) address?: string;

  @ApiPropertyOptional() @IsOptional() @IsText(5000, { allowEmpty: true }) notes?: string;

  @ApiPropertyOptional({ description: 'self-registration places at this point', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ATTENDEES)
  capacity?: number;
}

export class CreateBridgePointListDto {
  @ApiProperty({ type: [CreateBridgePointDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => CreateBridgePointDto)
  items!: CreateBridgePointDto[];
}

/** Connect every province of a set, or every commune (of one province or of the country), at once. */
export class ConnectUnitsDto {
  @ApiProperty({ enum: UNIT_SETS }) @IsIn(UNIT_SETS, { message: `administrativeUnitSet must be one of ${UNIT_SETS.join(', ')}` })
  administrativeUnitSet!: UnitSet;

  @ApiPropertyOptional({ enum: UNIT_LEVELS, default: 'province' })
  @IsOptional()
  @IsIn(UNIT_LEVELS, { message: `level must be one of ${UNIT_LEVELS.join(', ')}` })
  level?: UnitLevel;

  @ApiPropertyOptional({ example: '24', description: 'only the communes of this vn-34 province' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'parentCode must be a 2-digit province code' })
  parentCode?: string;
}

export class ConnectResultDto {
  @ApiProperty() created!: number;
  @ApiProperty({ description: 'points that already existed and were left alone' }) existing!: number;
  @ApiPropertyOptional({ type: () => [BridgePointResponseDto], description: 'the created points (list form only)' })
  items?: BridgePointResponseDto[];
}

export class UpdateBridgePointDto extends BridgePointContactDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOmittable() @IsText(300) name?: string;
  @ApiPropertyOptional({ enum: BRIDGE_POINT_LEVELS }) @IsOmittable() @IsIn(BRIDGE_POINT_LEVELS) level?: BridgePointLevel;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() isMain?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsText(500) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(5000, { allowEmpty: true }) notes?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_ATTENDEES) capacity?: number | null;
}

export class VersionedActionDto {
  @ApiPropertyOptional({ description: 'the version read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ConfirmBridgePointDto extends BridgePointContactDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class DeclineBridgePointDto extends VersionedActionDto {
  @ApiProperty({ example: 'Trùng lịch kỳ họp Hội đồng nhân dân tỉnh' }) @IsText(1000) reason!: string;
}

export class ConnectionCheckDto {
  @ApiProperty({ enum: CONNECTION_RESULTS }) @IsIn(CONNECTION_RESULTS) result!: ConnectionResult;
  @ApiPropertyOptional({ example: 'Hình ảnh tốt, âm thanh rè' }) @IsOptional() @IsText(1000) note?: string;
}

export class AttendanceDto {
  @ApiProperty({ minimum: 0, maximum: MAX_ATTENDEES }) @IsInt() @Min(0) @Max(MAX_ATTENDEES) actualAttendees!: number;
}

export class BridgePointListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BRIDGE_POINT_LEVELS }) @IsOptional() @IsIn(BRIDGE_POINT_LEVELS) level?: BridgePointLevel;
  @ApiPropertyOptional() @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2}(\d{3})?$/) administrativeUnitCode?: string;
  @ApiPropertyOptional({ description: 'points counted under this province (its own and its communes)' })
  @IsOptional()
  @Matches(/^\d{2}$/)
  provinceCode?: string;
  @ApiPropertyOptional({ enum: CONFIRMATION_STATUSES })
  @IsOptional()
  @IsIn(CONFIRMATION_STATUSES)
  confirmationStatus?: ConfirmationStatus;
  @ApiPropertyOptional({ enum: CONNECTION_STATUSES }) @IsOptional() @IsIn(CONNECTION_STATUSES) connectionStatus?: ConnectionStatus;
  @ApiPropertyOptional({ description: 'name contains, ignoring diacritics' }) @IsOptional() @IsText(200) q?: string;
}

export class IssueLinkDto {
  @ApiPropertyOptional({ description: 'defaults to 30 days after the conference ends (or from now, if later)' })
  @IsOptional()
  @IsIsoInstant()
  expiresAt?: string;

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
  @ApiPropertyOptional({ description: 'only the points counted under this province (its own and its communes)' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be a 2-digit province code' })
  provinceCode?: string;

  @ApiPropertyOptional({ enum: BRIDGE_POINT_LEVELS }) @IsOptional() @IsIn(BRIDGE_POINT_LEVELS) level?: BridgePointLevel;
}

export class BridgePointResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() conferenceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: BRIDGE_POINT_LEVELS }) level!: BridgePointLevel;
  @ApiProperty() isMain!: boolean;
  @ApiProperty({ nullable: true, enum: UNIT_SETS }) administrativeUnitSet!: UnitSet | null;
  @ApiProperty({ nullable: true, type: String }) administrativeUnitCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) provinceCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) chairName!: string | null;
  @ApiProperty({ nullable: true, type: String }) chairTitle!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactName!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail!: string | null;
  @ApiProperty({ nullable: true, type: Number }) expectedAttendees!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'số đại biểu thực tế: reportedAttendees when the point reported a headcount, otherwise checkedInAttendees; null when neither is known',
  })
  actualAttendees!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "the headcount the point's operator reported (POST …/attendance)" })
  reportedAttendees!: number | null;
  @ApiProperty({ description: "how many of the point's delegates are checked in" }) checkedInAttendees!: number;
  @ApiProperty({ enum: CONFIRMATION_STATUSES }) confirmationStatus!: ConfirmationStatus;
  @ApiProperty({ nullable: true, type: String }) declineReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) confirmedAt!: string | null;
  @ApiProperty({ enum: CONNECTION_STATUSES }) connectionStatus!: ConnectionStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) connectionCheckedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ nullable: true, type: Number }) capacity!: number | null;
  @ApiProperty() version!: number;
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
  @ApiProperty() id!: string;
  @ApiProperty() bridgePointId!: string;
  @ApiProperty({ enum: CONNECTION_RESULTS }) result!: ConnectionResult;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
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
  @ApiProperty({ type: BridgePointResponseDto }) bridgePoint!: BridgePointResponseDto;
  @ApiProperty({ type: ConnectionCheckResponseDto }) check!: ConnectionCheckResponseDto;
}

/** A bridge point's confirmation link. */
export class SignedLinkResponseDto extends IssuedLinkResponseDto {
  @ApiProperty() bridgePointId!: string;
}

/** A point named in an answer, e.g. one whose link mail reaches nobody. */
export class PointNameDto {
  @ApiProperty() bridgePointId!: string;
  @ApiProperty({ example: 'Điểm cầu tỉnh Cao Bằng' }) name!: string;
}

export class SignedLinkListResponseDto {
  @ApiProperty({ type: [SignedLinkResponseDto], description: 'one link per point, in connection order' }) items!: SignedLinkResponseDto[];
  @ApiProperty({ description: 'link mails queued for sending (none unless send is true, the default)' }) queued!: number;
  @ApiProperty({ type: [PointNameDto], description: 'the points chosen that have no contactEmail, whom no mail reaches' })
  withoutEmail!: PointNameDto[];
}

export class ConfirmationCountsDto {
  @ApiProperty() pending!: number;
  @ApiProperty() confirmed!: number;
  @ApiProperty() declined!: number;
}

export class ConnectionCountsDto {
  @ApiProperty() untested!: number;
  @ApiProperty() ok!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() degraded!: number;
}

export class RegionSummaryDto {
  @ApiProperty({ example: 'Đồng bằng sông Hồng', description: `points without a region are counted under "${MAIN_HALL_REGION}"` })
  region!: string;
  @ApiProperty() total!: number;
  @ApiProperty() confirmed!: number;
  @ApiProperty() declined!: number;
  @ApiProperty() pending!: number;
}

export class ProvinceSummaryDto {
  @ApiProperty({ example: '24' }) code!: string;
  @ApiProperty({ example: 'Bắc Ninh' }) name!: string;
  @ApiProperty({ description: "the province's own point and its communes' points" }) total!: number;
  @ApiProperty() confirmed!: number;
  @ApiProperty() declined!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() expectedAttendees!: number;
  @ApiProperty({ description: "the sum of the points' actualAttendees" }) actualAttendees!: number;
  @ApiProperty({ description: 'the sum of the headcounts the points reported' }) reportedAttendees!: number;
  @ApiProperty({ description: 'delegates checked in at these points' }) checkedInAttendees!: number;
}

/** GET …/bridge-points/summary: the counts the status board and the control room show. */
export class BridgePointSummaryResponseDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: ConfirmationCountsDto }) byConfirmation!: ConfirmationCountsDto;
  @ApiProperty({ type: ConnectionCountsDto }) byConnection!: ConnectionCountsDto;
  @ApiProperty({ type: [RegionSummaryDto], description: 'in Vietnamese alphabetical order' }) byRegion!: RegionSummaryDto[];
  @ApiProperty({ type: [ProvinceSummaryDto], description: 'by province code; commune points counted under their province' })
  byProvince!: ProvinceSummaryDto[];
  @ApiProperty() expectedAttendees!: number;
  @ApiProperty({ description: "the sum of the points' actualAttendees" }) actualAttendees!: number;
  @ApiProperty({ description: 'the sum of the headcounts the points reported' }) reportedAttendees!: number;
  @ApiProperty({ description: 'delegates checked in at these points' }) checkedInAttendees!: number;
}

/** The conference as a bridge point's staff see it through their signed link. */
export class PublicConferenceDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CONFERENCE_KINDS }) kind!: string;
  @ApiProperty({ enum: CONFERENCE_FORMATS }) format!: string;
  @ApiProperty({ enum: CONFERENCE_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timezone!: string;
  @ApiProperty({ nullable: true, type: String }) venue!: string | null;
  @ApiProperty({ nullable: true, type: String }) onlineUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) hostOrganization!: string | null;
  @ApiProperty({ nullable: true, type: String }) chairName!: string | null;
  @ApiProperty({ nullable: true, type: String }) chairTitle!: string | null;
}

export class PublicAgendaItemDto {
  @ApiProperty() title!: string;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS }) kind!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

/** GET /api/public/bridge-points/:token. */
export class PublicBridgePointViewDto {
  @ApiProperty({ type: PublicConferenceDto }) conference!: PublicConferenceDto;
  @ApiProperty({ type: BridgePointResponseDto }) bridgePoint!: BridgePointResponseDto;
  @ApiProperty({ type: [PublicAgendaItemDto], description: 'in order of time' }) agenda!: PublicAgendaItemDto[];
  @ApiProperty({ type: [ConnectionCheckResponseDto], description: "the point's connection checks, newest first" })
  checks!: ConnectionCheckResponseDto[];
  @ApiProperty({ format: 'date-time' }) linkExpiresAt!: string;
}
