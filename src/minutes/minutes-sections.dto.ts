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
    Matches(/\S/, { each: true, message: 'each entry of $property must not be empty' })(target, propertyName);
    MaxLength(maxLength, { each: true })(target, propertyName);
  };
}

/** A nested object (refusing strings, arrays and null in its place). */
function Nested(type: () => new () => object): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    IsObject({ message: '$property must be an object' })(target, propertyName);
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
  @ApiProperty({ example: 'Trưởng Ban Dân vận Trung ương' }) @IsText(300, { allowEmpty: true }) title!: string;
  @ApiProperty({ example: 'Bùi Thị Minh Hoài' }) @IsText(200, { allowEmpty: true }) name!: string;
}

export class DocumentHeaderDto implements DocumentHeader {
  @ApiProperty({ nullable: true, type: String, example: 'Ban Chấp hành Trung ương' })
  @IsOptional()
  @IsText(300)
  superiorBody!: string | null;

  @ApiProperty({ example: 'Ban Dân vận Trung ương' }) @IsText(300) issuingBody!: string;

  @ApiProperty({ example: 'BDVTW' })
  @Transform(({ value }) => (typeof value === 'string' ? nfc(value) : value))
  @IsString()
  @MaxLength(30)
  @Matches(ABBREVIATION_PATTERN, { message: 'abbreviation must be capitals and digits, e.g. BDVTW' })
  abbreviation!: string;

  @ApiProperty({ nullable: true, type: String, example: '15', description: 'the serial given by the records office' })
  @IsOptional()
  @IsString()
  @Matches(SERIAL_PATTERN, { message: 'number must be a serial such as 15 (digits, no leading zero)' })
  number!: string | null;

  @ApiProperty({ example: 'Hà Nội' }) @IsText(100) place!: string;
  @ApiProperty({ format: 'date', example: '2022-07-15' }) @IsIsoDate() date!: string;
}

export class OpeningSectionDto {
  @ApiProperty({ format: 'date-time', example: '2022-07-15T08:00:00+07:00' }) @IsIsoInstant() startedAt!: string;
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsText(500) venue!: string | null;
}

export class BridgePointLineDto implements BridgePointLine {
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsUUID() bridgePointId!: string | null;
  @ApiProperty() @IsText(300) name!: string;
  @ApiProperty({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(0) @Max(MAX_PEOPLE) expected!: number | null;
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
  @ApiProperty({ type: [BridgePointLineDto] }) @NestedList(() => BridgePointLineDto, MAX_POINTS) items!: BridgePointLineDto[];
}

export class DelegateLineDto {
  @ApiProperty() @IsText(200) name!: string;
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsText(300) title!: string | null;
}

export class DelegatesAtPointDto implements DelegatesAtPoint {
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsUUID() bridgePointId!: string | null;
  @ApiProperty() @IsText(300) name!: string;
  @ApiProperty({ description: "the point's actual attendance, as in the bridge-point table" }) @IsInt() @Min(0) @Max(MAX_PEOPLE) count!: number;
  @ApiProperty({ type: [DelegateLineDto], description: 'who attended by name (checked in)' }) @NestedList(() => DelegateLineDto, MAX_PEOPLE) delegates!: DelegateLineDto[];
}

export class CompositionSectionDto {
  @ApiProperty({ type: PersonLineDto }) @Nested(() => PersonLineDto) chair!: PersonLineDto;
  @ApiProperty({ type: PersonLineDto }) @Nested(() => PersonLineDto) secretary!: PersonLineDto;
  @ApiProperty({ type: [DelegatesAtPointDto] })
  @NestedList(() => DelegatesAtPointDto, MAX_POINTS)
  delegatesByBridgePoint!: DelegatesAtPointDto[];
}

export class ProceedingLineDto implements ProceedingLine {
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsUUID() agendaItemId!: string | null;
  @ApiProperty({ example: '08:10' })
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be a wall-clock time such as 08:10' })
  time!: string;
  @ApiProperty() @IsText(500) title!: string;
  @ApiProperty({ type: [String] }) @IsTextList(50, 1000) speakers!: string[];
  @ApiProperty() @IsText(20000, { allowEmpty: true }) summary!: string;
}

export class AwardRecipientLineDto {
  @ApiProperty({ enum: ['individual', 'collective'] }) @IsIn(['individual', 'collective']) kind!: 'individual' | 'collective';
  @ApiProperty() @IsText(300, { allowEmpty: true }) name!: string;
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsText(300) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsText(300) organization!: string | null;
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsText(5000) achievement!: string | null;
}

export class AwardLineDto implements AwardLine {
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsUUID() decisionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsText(64) number!: string | null;
  @ApiProperty({ description: "the heading of the decision's awards: the form with the decision's own authority" }) @IsText(600) awardFormName!: string;
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsText(300) issuingAuthority!: string | null;
  @ApiProperty({ type: [AwardRecipientLineDto] })
  @NestedList(() => AwardRecipientLineDto, MAX_PEOPLE)
  recipients!: AwardRecipientLineDto[];
}

export class ActionItemLineDto implements ActionItemLine {
  @ApiProperty({ nullable: true, type: String }) @IsOptional() @IsUUID() actionItemId!: string | null;
  @ApiProperty() @IsText(4000) description!: string;
  @ApiProperty() @IsText(300) assignee!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2022-12-31' }) @IsOptional() @IsIsoDate() deadline!: string | null;
}

export class ClosingSectionDto {
  @ApiProperty({ format: 'date-time', example: '2022-07-15T11:30:00+07:00' }) @IsIsoInstant() endedAt!: string;
  @ApiProperty() @IsText(5000, { allowEmpty: true }) text!: string;
}

export class SignaturesSectionDto {
  @ApiProperty({ type: PersonLineDto }) @Nested(() => PersonLineDto) secretary!: PersonLineDto;
  @ApiProperty({ type: PersonLineDto }) @Nested(() => PersonLineDto) chair!: PersonLineDto;
}

/** Any subset of the sections; each one given replaces the stored one whole. */
export class MinutesSectionsPatchDto {
  @ApiPropertyOptional({ type: DocumentHeaderDto }) @IsOmittable() @Nested(() => DocumentHeaderDto) header?: DocumentHeaderDto;
  @ApiPropertyOptional() @IsOmittable() @IsText(500) title?: string;
  @ApiPropertyOptional({ type: OpeningSectionDto }) @IsOmittable() @Nested(() => OpeningSectionDto) opening?: OpeningSectionDto;
  @ApiPropertyOptional({ type: BridgePointsSectionDto })
  @IsOmittable()
  @Nested(() => BridgePointsSectionDto)
  bridgePoints?: BridgePointsSectionDto;
  @ApiPropertyOptional({ type: CompositionSectionDto })
  @IsOmittable()
  @Nested(() => CompositionSectionDto)
  composition?: CompositionSectionDto;
  @ApiPropertyOptional({ type: [ProceedingLineDto] }) @IsOmittable() @NestedList(() => ProceedingLineDto, 500) proceedings?: ProceedingLineDto[];
  @ApiPropertyOptional({ type: [AwardLineDto] }) @IsOmittable() @NestedList(() => AwardLineDto, 1000) awards?: AwardLineDto[];
  @ApiPropertyOptional({ type: [String] }) @IsOmittable() @IsTextList(200, 20000) conclusions?: string[];
  @ApiPropertyOptional({ type: [ActionItemLineDto] }) @IsOmittable() @NestedList(() => ActionItemLineDto, 1000) actionItems?: ActionItemLineDto[];
  @ApiPropertyOptional({ type: ClosingSectionDto }) @IsOmittable() @Nested(() => ClosingSectionDto) closing?: ClosingSectionDto;
  @ApiPropertyOptional({ type: SignaturesSectionDto })
  @IsOmittable()
  @Nested(() => SignaturesSectionDto)
  signatures?: SignaturesSectionDto;
  @ApiPropertyOptional({ type: [String], example: ['Như trên', 'Lưu: VT'] }) @IsOmittable() @IsTextList(100, 300) distribution?: string[];
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
  @ApiProperty({ type: () => [AwardLineDto] }) awards!: AwardLineDto[];
  @ApiProperty({ type: [String], description: "the chair's conclusions; the draft leaves them to write" }) conclusions!: string[];
  @ApiProperty({ type: () => [ActionItemLineDto], description: 'the action items as the minutes record them (a copy; the live items may move on)' })
  actionItems!: ActionItemLineDto[];
  @ApiProperty({ type: () => ClosingSectionDto }) closing!: ClosingSectionDto;
  @ApiProperty({ type: () => SignaturesSectionDto }) signatures!: SignaturesSectionDto;
  @ApiProperty({ type: [String], example: ['Như trên', 'Lưu: VT'] }) distribution!: string[];
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
