import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { UNIT_SETS, UnitSet } from '../administrative-units/administrative-unit.entity';
import { PageQueryDto } from '../common/pagination';
import { IsOmittable, IsText } from '../common/validators';
import { ACTION_ITEM_STATUSES, ActionItem, ActionItemStatus } from './action-item.entity';
import { IsIsoDate } from '../common/iso-date';
import { coded } from '../common/validation-messages';

const UNIT_CODE = /^\d{2}(\d{3})?$/;
const UNIT_CODE_MESSAGE = coded(
  'bad_format',
  'Mã đơn vị hành chính phải gồm 2 chữ số (tỉnh, thành phố, ví dụ 24) hoặc 5 chữ số (xã, phường).',
);
const DEADLINE_MESSAGE = coded('not_a_date', 'Hạn hoàn thành phải là một ngày viết dạng YYYY-MM-DD, ví dụ 2022-12-31.');
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateActionItemDto {
  @ApiProperty({ example: 'Tổng kết 10 năm thực hiện Quy chế dân chủ ở cơ sở', description: 'what is to be done, as the conference decided it (at most 4,000 characters)' })
  @IsText(4000)
  description!: string;

  @ApiProperty({ example: 'Tỉnh ủy Bắc Giang', description: 'the unit responsible (đơn vị chủ trì), as the minutes name it; at most 300 characters' })
  @IsText(300)
  assignee!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "UUID of a bridge point (điểm cầu) of this conference; its administrative unit becomes the item's unit when none is given" })
  @IsOptional()
  @IsUUID()
  assigneeBridgePointId?: string;

  @ApiPropertyOptional({ example: '24', description: 'the administrative unit responsible: a 2-digit province or 5-digit commune code of the catalogue' })
  @IsOptional()
  @IsString()
  @Matches(UNIT_CODE, UNIT_CODE_MESSAGE)
  assigneeAdministrativeUnitCode?: string;

  @ApiPropertyOptional({
    enum: UNIT_SETS,
    description: 'the catalogue of the unit code; defaults to the one in force on the conference day (vn-63 before 2025-07-01, vn-34 since)',
  })
  @IsOptional()
  @IsIn(UNIT_SETS)
  assigneeAdministrativeUnitSet?: UnitSet;

  @ApiPropertyOptional({ example: '2022-12-31', description: 'a day, YYYY-MM-DD, in the conference time zone' })
  @IsOptional()
  @IsIsoDate(DEADLINE_MESSAGE)
  deadline?: string;

  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES, default: 'open', description: 'open (chưa thực hiện), in_progress (đang thực hiện) or done (đã hoàn thành)' })
  @IsOptional()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;
}

/**
 * Admins and organizers may change any field. An operator may change only `status` and
 * `progressNote` (OPERATOR_FIELDS), and only of an item assigned to one of its own bridge points.
 */
export class UpdateActionItemDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ description: 'what is to be done (at most 4,000 characters)' }) @IsOmittable() @IsText(4000) description?: string;
  @ApiPropertyOptional({ description: 'the unit responsible, as the minutes name it (at most 300 characters)' }) @IsOmittable() @IsText(300) assignee?: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: "UUID of a bridge point of this conference; null unassigns it. Changing it without a unit code takes the point's unit",
  })
  @IsOptional()
  @IsUUID()
  assigneeBridgePointId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'a 2-digit province or 5-digit commune code; null clears it' })
  @IsOptional()
  @IsString()
  @Matches(UNIT_CODE, UNIT_CODE_MESSAGE)
  assigneeAdministrativeUnitCode?: string | null;
  @ApiPropertyOptional({ enum: UNIT_SETS, description: 'the catalogue of the unit code (vn-63 or vn-34)' })
  @IsOmittable()
  @IsIn(UNIT_SETS)
  assigneeAdministrativeUnitSet?: UnitSet;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', example: '2022-12-31', description: 'a day, YYYY-MM-DD, in the conference time zone; null clears it' })
  @IsOptional()
  @IsIsoDate(DEADLINE_MESSAGE)
  deadline?: string | null;
  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES, description: 'open, in_progress or done; done records when (doneAt)' })
  @IsOmittable()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'what has been done so far (kết quả thực hiện); null clears it' })
  @IsOptional()
  @IsText(4000, { allowEmpty: true })
  progressNote?: string | null;
}

class ActionItemFiltersDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES, description: 'the stored status' })
  @IsOptional()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;

  @ApiPropertyOptional({ type: Boolean, description: 'only items past their deadline and not done (or only the others)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsIn([true, false])
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'assignee contains, ignoring case and diacritics' }) @IsOptional() @IsString() @MaxLength(300) assignee?: string;

  @ApiPropertyOptional({ example: '24', description: "only items of this administrative unit (2-digit province or 5-digit commune code)" })
  @IsOptional()
  @IsString()
  @Matches(UNIT_CODE, UNIT_CODE_MESSAGE)
  assigneeAdministrativeUnitCode?: string;
}

export class ActionItemListQueryDto extends ActionItemFiltersDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only items assigned to this bridge point (UUID) of the conference' })
  @IsOptional()
  @IsUUID()
  assigneeBridgePointId?: string;

  @ApiPropertyOptional({
    enum: ['carried_over'],
    description:
      'carried_over: for a conference cloned from another (clonedFromId, followed back through earlier clones), also list the items of those conferences that are not done, marked carriedOver: true',
  })
  @IsOptional()
  @IsIn(['carried_over'])
  include?: 'carried_over';
}

export class AssigneeActionItemsQueryDto extends ActionItemFiltersDto {}

/**
 * `status` is the stored status (open | in_progress | done); `overdue` is computed on every read:
 * true when the deadline day has ended in the conference's time zone and the item is not done.
 * Overdue is a flag beside the status rather than a status of its own, so that an item keeps
 * saying whether work has started while it is late.
 */
export class ActionItemResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the action item' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of the conference that assigned it' }) conferenceId!: string;
  @ApiProperty({ description: 'what is to be done' }) description!: string;
  @ApiProperty({ description: 'the unit responsible, as the minutes name it' }) assignee!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'UUID of the bridge point it is assigned to, if any' })
  assigneeBridgePointId!: string | null;
  @ApiProperty({ nullable: true, enum: UNIT_SETS, description: 'the catalogue of the unit code; null without a unit' })
  assigneeAdministrativeUnitSet!: UnitSet | null;
  @ApiProperty({ nullable: true, type: String, description: 'the administrative unit responsible (2-digit province or 5-digit commune code)' })
  assigneeAdministrativeUnitCode!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2022-12-31', description: 'the deadline day (YYYY-MM-DD) in the conference time zone' })
  deadline!: string | null;
  @ApiProperty({ enum: ACTION_ITEM_STATUSES, description: 'the stored status: open, in_progress or done' }) status!: ActionItemStatus;
  @ApiProperty({ nullable: true, type: String, description: 'what has been done so far (kết quả thực hiện)' }) progressNote!: string | null;
  @ApiProperty({ description: 'deadline passed in the conference time zone and not done' }) overdue!: boolean;
  @ApiProperty({ description: 'an open item of an earlier conference this one was cloned from' }) carriedOver!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when the item was marked done; null while it is not' })
  doneAt!: string | null;
  @ApiProperty({ description: 'the version to send back with a change (optimistic locking)' }) version!: number;
  @ApiProperty({ format: 'date-time', description: 'when it was created (ISO 8601, UTC)' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when it last changed (ISO 8601, UTC)' }) updatedAt!: string;
}

export function toActionItemResponse(item: ActionItem, overdue: boolean, carriedOver = false): ActionItemResponseDto {
  return {
    id: item.id,
    conferenceId: item.conferenceId,
    description: item.description,
    assignee: item.assignee,
    assigneeBridgePointId: item.assigneeBridgePointId,
    assigneeAdministrativeUnitSet: item.assigneeAdministrativeUnitSet,
    assigneeAdministrativeUnitCode: item.assigneeAdministrativeUnitCode,
    deadline: item.deadline,
    status: item.status,
    progressNote: item.progressNote,
    overdue,
    carriedOver,
    doneAt: item.doneAt ? item.doneAt.toISOString() : null,
    version: item.version,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}
