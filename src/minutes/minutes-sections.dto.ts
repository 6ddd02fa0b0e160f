import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CONFIRMATION_STATUSES,
  ConfirmationStatus,
  CONNECTION_STATUSES,
  ConnectionStatus,
} from '../bridge-points/bridge-point.entity';
import { nfc } from '../common/text';
import { IsIsoInstant, IsOmittable, IsText } from '../common/validators';
import { IsIsoDate } from '../common/iso-date';
import { coded } from '../common/validation-messages';
import { ABBREVIATION_PATTERN, SERIAL_PATTERN } from './document-number';
import {
  ActionItemLine,
  AwardLine,
  BridgePointLine,
  DelegatesAtPoint,
  DocumentHeader,
  MinutesSections,
  PersonLine,
  ProceedingLine,
} from './minutes-sections';

/** Shapes of the editable sections, validated field by field (errors name e.g. `sections.header.date`). */

const MAX_POINTS = 10_000;
const MAX_PEOPLE = 100_000;

export const ABBREVIATION_MESSAGE = coded('bad_format', 'Ký hiệu viết tắt của cơ quan ban hành chỉ gồm chữ in hoa và chữ số, ví dụ BDVTW.');
export const SERIAL_MESSAGE = coded('bad_format', 'Số văn bản chỉ gồm chữ số, không bắt đầu bằng 0, ví dụ 15.');

/** A list of text paragraphs, each trimmed to NFC and non-empty. */
export function IsTextList(maxItems: number, maxLength: number): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? nfc(v) : v)) : value))(
      target,
      propertyName,
    );
    IsArray()(target, propertyName);
    ArrayMaxSize(maxItems)(target, propertyName);
    IsString({ each: true })(target, propertyName);
    Matches(/\S/, { each: true, ...coded('empty', 'Mỗi dòng của trường "$property" phải có nội dung.') })(target, propertyName);
    MaxLength(maxLength, { each: true })(target, propertyName);
  };
}

/** A nested object (refusing strings, arrays and null in its place). */
function Nested(type: () => new () => object): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    IsObject()(target, propertyName);
    ValidateNested()(target, propertyName);
    Type(type)(target, propertyName);
  };
}

/** A list of nested objects. */
function NestedList(type: () => new () => object, maxItems: number): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    IsArray()(target, propertyName);
    ArrayMaxSize(maxItems)(target, propertyName);
    ValidateNested({ each: true })(target, propertyName);
    Type(type)(target, propertyName);
  };
}

export class PersonLineDto implements PersonLine {
  @ApiProperty({ example: 'Trưởng Ban Dân vận Trung ương', description: 'position (chức vụ); may be empty' })
  @IsText(300, { allowEmpty: true })
  title!: string;
  @ApiProperty({ example: 'Bùi Thị Minh Hoài', description: 'full name; may be empty' }) @IsText(200, { allowEmpty: true }) name!: string;
}

export class DocumentHeaderDto implements DocumentHeader {
  @ApiProperty({ nullable: true, type: String, example: 'Ban Chấp hành Trung ương', description: 'cơ quan chủ quản, printed above the issuing body; null for none' })
  @IsOptional()
  @IsText(300)
  superiorBody!: string | null;

  @ApiProperty({ example: 'Ban Dân vận Trung ương', description: 'cơ quan ban hành, the body issuing the document' }) @IsText(300) issuingBody!: string;

  @ApiProperty({ example: 'BDVTW', description: "the issuing body's abbreviation in the document number: capitals and digits, parts joined by hyphens" })
  @Transform(({ value }) => (typeof value === 'string' ? nfc(value) : value))
  @IsString()
  @MaxLength(30)
  @Matches(ABBREVIATION_PATTERN, ABBREVIATION_MESSAGE)
  abbreviation!: string;

  @ApiProperty({ nullable: true, type: String, example: '15', description: 'the serial given by the records office (digits, no leading zero); null until given' })
  @IsOptional()
  @IsString()
  @Matches(SERIAL_PATTERN, SERIAL_MESSAGE)
  number!: string | null;

  @ApiProperty({ example: 'Hà Nội', description: 'địa danh, printed before the date' }) @IsText(100) place!: string;
  @ApiProperty({ format: 'date', example: '2022-07-15', description: 'the date of the document, YYYY-MM-DD' }) @IsIsoDate() date!: string;
}

export class OpeningSectionDto {
  @ApiProperty({ format: 'date-time', example: '2022-07-15T08:00:00+07:00', description: 'when the conference opened: ISO 8601 with offset (answered in UTC)' })
  @IsIsoInstant()
  startedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: "địa điểm: the conference venue (drafted from the conference, else the main bridge point's address); null for none" }) @IsOptional() @IsText(500) venue!: string | null;
}

export class BridgePointLineDto implements BridgePointLine {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'UUID of the bridge point it was drafted from; null for a line written by hand' })
  @IsOptional()
  @IsUUID()
  bridgePointId!: string | null;
  @ApiProperty({ description: "the bridge point's name (điểm cầu)" }) @IsText(300) name!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'the attendance the point expected (số đại biểu dự kiến); null when unknown' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE)
  expected!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "the point's actual attendance (reported headcount, else its check-ins)" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PEOPLE)
  actual!: number | null;

  @ApiPropertyOptional({ description: 'the main bridge point (absent in minutes drafted before it was recorded)' })
  @IsOmittable()
  @IsBoolean()
  isMain?: boolean;

  @ApiPropertyOptional({ enum: CONNECTION_STATUSES, description: "the point's last connection check (absent in minutes drafted before it was recorded)" })
  @IsOmittable()
  @IsIn(CONNECTION_STATUSES)
  connection?: ConnectionStatus;

  @ApiPropertyOptional({ enum: CONFIRMATION_STATUSES, description: 'whether the point confirmed (absent in minutes drafted before it was recorded)' })
  @IsOmittable()
  @IsIn(CONFIRMATION_STATUSES)
  confirmation?: ConfirmationStatus;
}

export class BridgePointsSectionDto {
  @ApiProperty({ description: 'points other than the main one connected by connection check: the N of "kết nối tới N điểm cầu"' })
  @IsInt()
  @Min(0)
  @Max(MAX_POINTS)
  count!: number;
  @ApiProperty({ type: [BridgePointLineDto], description: 'one line per bridge point, the main one first' })
  @NestedList(() => BridgePointLineDto, MAX_POINTS)
  items!: BridgePointLineDto[];
}

export class DelegateLineDto {
  @ApiProperty({ description: "the delegate's full name" }) @IsText(200) name!: string;
  @ApiProperty({ nullable: true, type: String, description: "the delegate's position (chức vụ); null for none" }) @IsOptional() @IsText(300) title!: string | null;
}

export class DelegatesAtPointDto implements DelegatesAtPoint {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'UUID of the bridge point; null for a line written by hand' })
  @IsOptional()
  @IsUUID()
  bridgePointId!: string | null;
  @ApiProperty({ description: "the bridge point's name" }) @IsText(300) name!: string;
  @ApiProperty({ description: "the point's actual attendance, as in the bridge-point table" }) @IsInt() @Min(0) @Max(MAX_PEOPLE) count!: number;
  @ApiProperty({ type: [DelegateLineDto], description: 'who attended by name (checked in)' }) @NestedList(() => DelegateLineDto, MAX_PEOPLE) delegates!: DelegateLineDto[];
}

export class CompositionSectionDto {
  @ApiProperty({ type: PersonLineDto, description: 'who chaired (chủ trì)' }) @Nested(() => PersonLineDto) chair!: PersonLineDto;
  @ApiProperty({ type: PersonLineDto, description: 'who recorded the minutes (thư ký)' }) @Nested(() => PersonLineDto) secretary!: PersonLineDto;
  @ApiProperty({ type: [DelegatesAtPointDto], description: 'the delegates who attended (thành phần tham dự), bridge point by bridge point' })
  @NestedList(() => DelegatesAtPointDto, MAX_POINTS)
  delegatesByBridgePoint!: DelegatesAtPointDto[];
}

export class ProceedingLineDto implements ProceedingLine {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'UUID of the agenda item it was drafted from; null for a line written by hand' })
  @IsOptional()
  @IsUUID()
  agendaItemId!: string | null;
  @ApiProperty({ example: '08:10', description: 'wall-clock time HH:MM in the conference time zone' })
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, coded('bad_format', 'Giờ phải viết dạng HH:MM, ví dụ 08:10.'))
  time!: string;
  @ApiProperty({ description: 'what happened (the agenda item title)' }) @IsText(500) title!: string;
  @ApiProperty({ type: [String], description: 'who spoke, one entry per person (at most 50)' }) @IsTextList(50, 1000) speakers!: string[];
  @ApiProperty({ description: 'a summary of what was said; may be empty' }) @IsText(20000, { allowEmpty: true }) summary!: string;
}

export class AwardRecipientLineDto {
  @ApiProperty({ enum: ['individual', 'collective'], description: 'individual (cá nhân) or collective (tập thể)' })
  @IsIn(['individual', 'collective'])
  kind!: 'individual' | 'collective';
  @ApiProperty({ description: "the person's or the collective's name; may be empty" }) @IsText(300, { allowEmpty: true }) name!: string;
  @ApiProperty({ nullable: true, type: String, description: 'position (chức vụ); null for none' }) @IsOptional() @IsText(300) title!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'organization (đơn vị); null for none' }) @IsOptional() @IsText(300) organization!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the achievement (thành tích); null for none' }) @IsOptional() @IsText(5000) achievement!: string | null;
}

export class AwardLineDto implements AwardLine {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'UUID of the award decision it was drafted from; null for a line written by hand' })
  @IsOptional()
  @IsUUID()
  decisionId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '123/QĐ-TTg', description: 'the decision number (số quyết định); null for none' })
  @IsOptional()
  @IsText(64)
  number!: string | null;
  @ApiProperty({ description: "the heading of the decision's awards: the form with the decision's own authority" }) @IsText(600) awardFormName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'who issued the decision (cơ quan ban hành); null for none' })
  @IsOptional()
  @IsText(300)
  issuingAuthority!: string | null;
  @ApiProperty({ type: [AwardRecipientLineDto], description: 'the recipients in order of presentation' })
  @NestedList(() => AwardRecipientLineDto, MAX_PEOPLE)
  recipients!: AwardRecipientLineDto[];
}

export class ActionItemLineDto implements ActionItemLine {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'UUID of the action item it was copied from; null for a line written by hand' })
  @IsOptional()
  @IsUUID()
  actionItemId!: string | null;
  @ApiProperty({ description: 'what is to be done' }) @IsText(4000) description!: string;
  @ApiProperty({ description: 'the unit responsible' }) @IsText(300) assignee!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2022-12-31', description: 'the deadline day, YYYY-MM-DD; null for none' })
  @IsOptional()
  @IsIsoDate()
  deadline!: string | null;
}

export class ClosingSectionDto {
  @ApiProperty({ format: 'date-time', example: '2022-07-15T11:30:00+07:00', description: 'when the conference closed: ISO 8601 with offset (answered in UTC)' })
  @IsIsoInstant()
  endedAt!: string;
  @ApiProperty({ description: 'the closing paragraph, printed after the closing time (by default: the minutes were read out and agreed); may be empty' }) @IsText(5000, { allowEmpty: true }) text!: string;
}

export class SignaturesSectionDto {
  @ApiProperty({ type: PersonLineDto, description: 'the secretary, signing on the left' }) @Nested(() => PersonLineDto) secretary!: PersonLineDto;
  @ApiProperty({ type: PersonLineDto, description: 'the chair, signing on the right' }) @Nested(() => PersonLineDto) chair!: PersonLineDto;
}

/** Any subset of the sections; each one given replaces the stored one whole. */
export class MinutesSectionsPatchDto {
  @ApiPropertyOptional({ type: DocumentHeaderDto }) @IsOmittable() @Nested(() => DocumentHeaderDto) header?: DocumentHeaderDto;
  @ApiPropertyOptional({ description: 'the conference name printed under "BIÊN BẢN"' }) @IsOmittable() @IsText(500) title?: string;
  @ApiPropertyOptional({ type: OpeningSectionDto }) @IsOmittable() @Nested(() => OpeningSectionDto) opening?: OpeningSectionDto;
  @ApiPropertyOptional({ type: BridgePointsSectionDto })
  @IsOmittable()
  @Nested(() => BridgePointsSectionDto)
  bridgePoints?: BridgePointsSectionDto;
  @ApiPropertyOptional({ type: CompositionSectionDto })
  @IsOmittable()
  @Nested(() => CompositionSectionDto)
  composition?: CompositionSectionDto;
  @ApiPropertyOptional({ type: [ProceedingLineDto], description: 'the proceedings (diễn biến), along the agenda; at most 500 lines' })
  @IsOmittable()
  @NestedList(() => ProceedingLineDto, 500)
  proceedings?: ProceedingLineDto[];
  @ApiPropertyOptional({ type: [AwardLineDto], description: 'the awards presented, decision by decision' })
  @IsOmittable()
  @NestedList(() => AwardLineDto, 1000)
  awards?: AwardLineDto[];
  @ApiPropertyOptional({ type: [String], description: "the chair's conclusions, one paragraph per entry (at most 200, none empty)" })
  @IsOmittable()
  @IsTextList(200, 20000)
  conclusions?: string[];
  @ApiPropertyOptional({ type: [ActionItemLineDto], description: 'the action items as the minutes record them' })
  @IsOmittable()
  @NestedList(() => ActionItemLineDto, 1000)
  actionItems?: ActionItemLineDto[];
  @ApiPropertyOptional({ type: ClosingSectionDto }) @IsOmittable() @Nested(() => ClosingSectionDto) closing?: ClosingSectionDto;
  @ApiPropertyOptional({ type: SignaturesSectionDto })
  @IsOmittable()
  @Nested(() => SignaturesSectionDto)
  signatures?: SignaturesSectionDto;
  @ApiPropertyOptional({ type: [String], example: ['Như trên', 'Lưu: VT'], description: 'nơi nhận: who receives a copy, one entry per line' })
  @IsOmittable()
  @IsTextList(100, 300)
  distribution?: string[];
}

/**
 * The sections as answered: all of them, always (an edit replaces a section whole, never
 * removes one). Absent nullable fields were stored as null, so every field is present too.
 */
export class MinutesSectionsDto implements MinutesSections {
  @ApiProperty({ type: () => DocumentHeaderDto }) header!: DocumentHeaderDto;
  @ApiProperty({ description: 'the conference name, printed under "BIÊN BẢN"' }) title!: string;
  @ApiProperty({ type: () => OpeningSectionDto }) opening!: OpeningSectionDto;
  @ApiProperty({ type: () => BridgePointsSectionDto }) bridgePoints!: BridgePointsSectionDto;
  @ApiProperty({ type: () => CompositionSectionDto }) composition!: CompositionSectionDto;
  @ApiProperty({ type: () => [ProceedingLineDto], description: 'along the agenda' }) proceedings!: ProceedingLineDto[];
  @ApiProperty({ type: () => [AwardLineDto], description: 'the awards presented, decision by decision' }) awards!: AwardLineDto[];
  @ApiProperty({ type: [String], description: "the chair's conclusions; the draft leaves them to write" }) conclusions!: string[];
  @ApiProperty({ type: () => [ActionItemLineDto], description: 'the action items as the minutes record them (a copy; the live items may move on)' })
  actionItems!: ActionItemLineDto[];
  @ApiProperty({ type: () => ClosingSectionDto }) closing!: ClosingSectionDto;
  @ApiProperty({ type: () => SignaturesSectionDto }) signatures!: SignaturesSectionDto;
  @ApiProperty({ type: [String], example: ['Như trên', 'Lưu: VT'], description: 'nơi nhận: who receives a copy' }) distribution!: string[];
}

const person = (p: PersonLineDto): PersonLine => ({ title: p.title, name: p.name });
const orNull = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

export const toHeader = (h: DocumentHeaderDto): DocumentHeader => ({
  superiorBody: orNull(h.superiorBody),
  issuingBody: h.issuingBody,
  abbreviation: h.abbreviation,
  number: orNull(h.number),
  place: h.place,
  date: h.date,
});

export const toActionItemLine = (a: ActionItemLineDto): ActionItemLine => ({
  actionItemId: orNull(a.actionItemId),
  description: a.description,
  assignee: a.assignee,
  deadline: orNull(a.deadline),
});

/**
 * The validated sections as plain data with every field present (absent nullable fields become
 * null), so what is stored and hashed does not depend on how the client wrote it.
 */
export function toSectionsPatch(dto: MinutesSectionsPatchDto): Partial<MinutesSections> {
  const patch: Partial<MinutesSections> = {};
  if (dto.header) patch.header = toHeader(dto.header);
  if (dto.title !== undefined) patch.title = dto.title;
  if (dto.opening) patch.opening = { startedAt: new Date(dto.opening.startedAt).toISOString(), venue: orNull(dto.opening.venue) };
  if (dto.bridgePoints) {
    patch.bridgePoints = {
      count: dto.bridgePoints.count,
      items: dto.bridgePoints.items.map((p) => ({
        bridgePointId: orNull(p.bridgePointId),
        name: p.name,
        expected: orNull(p.expected),
        actual: orNull(p.actual),
        ...(p.isMain !== undefined && { isMain: p.isMain }),
        ...(p.connection !== undefined && { connection: p.connection }),
        ...(p.confirmation !== undefined && { confirmation: p.confirmation }),
      })),
    };
  }
  if (dto.composition) {
    patch.composition = {
      chair: person(dto.composition.chair),
      secretary: person(dto.composition.secretary),
      delegatesByBridgePoint: dto.composition.delegatesByBridgePoint.map((d) => ({
        bridgePointId: orNull(d.bridgePointId),
        name: d.name,
        count: d.count,
        delegates: d.delegates.map((x) => ({ name: x.name, title: orNull(x.title) })),
      })),
    };
  }
  if (dto.proceedings) {
    patch.proceedings = dto.proceedings.map((p) => ({
      agendaItemId: orNull(p.agendaItemId),
      time: p.time,
      title: p.title,
      speakers: p.speakers,
      summary: p.summary,
    }));
  }
  if (dto.awards) {
    patch.awards = dto.awards.map((a) => ({
      decisionId: orNull(a.decisionId),
      number: orNull(a.number),
      awardFormName: a.awardFormName,
      issuingAuthority: orNull(a.issuingAuthority),
      recipients: a.recipients.map((r) => ({
        kind: r.kind,
        name: r.name,
        title: orNull(r.title),
        organization: orNull(r.organization),
        achievement: orNull(r.achievement),
      })),
    }));
  }
  if (dto.conclusions) patch.conclusions = dto.conclusions;
  if (dto.actionItems) patch.actionItems = dto.actionItems.map(toActionItemLine);
  if (dto.closing) patch.closing = { endedAt: new Date(dto.closing.endedAt).toISOString(), text: dto.closing.text };
  if (dto.signatures) patch.signatures = { secretary: person(dto.signatures.secretary), chair: person(dto.signatures.chair) };
  if (dto.distribution) patch.distribution = dto.distribution;
  return patch;
}
