import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  registerDecorator,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { IsIsoDate } from '../common/iso-date';
import { coded } from '../common/validation-messages';
import { IsOmittable, IsText } from '../common/validators';
import { AwardDecision } from './award-decision.entity';
import { AwardRecipient, RECIPIENT_KINDS, RecipientKind } from './award-recipient.entity';
import { awardTitle } from './award-title';
import { DECISION_NUMBER_HINT, parseDecisionNumber } from './decision-number';

export const MAX_RECIPIENTS_PER_REQUEST = 1000;
const MAX_POSITION = 1_000_000;

const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

const UNIT_CODE_MESSAGE = coded(
  'bad_format',
  'Mã đơn vị hành chính phải gồm 2 chữ số (tỉnh, thành phố, ví dụ 24) hoặc 5 chữ số (xã, phường).',
);

function IsDecisionNumber(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDecisionNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...coded('not_a_decision_number', DECISION_NUMBER_HINT), ...options },
      validator: { validate: (value: unknown) => parseDecisionNumber(value) !== null },
    });
}

/** The fields of a recipient; every text is stored NFC. */
export class CreateAwardRecipientDto {
  @ApiProperty({ enum: RECIPIENT_KINDS, description: 'cá nhân (individual) or tập thể (collective); the award form must take it' })
  @IsIn(RECIPIENT_KINDS)
  kind!: RecipientKind;

  @ApiPropertyOptional({ type: String, example: 'Nguyễn Thị Hồng Nhung', description: "the person's full name, or the collective's name" })
  @IsOptional()
  @IsText(300)
  name?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Trưởng Ban Dân vận Huyện ủy', description: "an individual's position (chức vụ)" })
  @IsOptional()
  @IsText(300)
  title?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Huyện ủy Lục Ngạn, tỉnh Bắc Giang', description: 'required when there is no name' })
  @IsOptional()
  @IsText(300)
  organization?: string | null;

  @ApiPropertyOptional({ type: String, example: '24', description: 'an administrative unit of the conference’s catalogue (vn-63 before 1 July 2025, vn-34 since)' })
  @IsOptional()
  @Matches(/^\d{2}(\d{3})?$/, UNIT_CODE_MESSAGE)
  administrativeUnitCode?: string | null;

  @ApiPropertyOptional({ type: String, description: 'the achievement (thành tích) the award recognises; at most 5,000 characters' })
  @IsOptional()
  @IsText(5000)
  achievement?: string | null;

  @ApiPropertyOptional({ description: 'order of presentation within the decision; defaults to after the last one' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_POSITION)
  position?: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'UUID of the agenda item (usually award_ceremony) of this conference where it is presented' })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all')
  agendaItemId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'UUID of the bridge point (điểm cầu) of this conference where it is handed over (nơi trao)' })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all')
  bridgePointId?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Trần Quốc Hưng', description: 'who hands the award over (người trao)' })
  @IsOptional()
  @IsText(200)
  presenterName?: string | null;
}

/** Only the fields given change; optional ones may be cleared with null. */
export class UpdateAwardRecipientDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({ enum: RECIPIENT_KINDS, description: 'individual (cá nhân) or collective (tập thể); the award form must take it' })
  @IsOmittable()
  @IsIn(RECIPIENT_KINDS)
  kind?: RecipientKind;

  @ApiPropertyOptional({ type: String, nullable: true, description: "the person's full name, or the collective's name; null clears it (an organization must remain)" })
  @IsOptional()
  @IsText(300)
  name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'position (chức vụ); null clears it' }) @IsOptional() @IsText(300) title?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'organization (đơn vị); null clears it (a name must remain)' })
  @IsOptional()
  @IsText(300)
  organization?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'a 2-digit province or 5-digit commune code of the conference’s catalogue; null clears it' })
  @IsOptional()
  @Matches(/^\d{2}(\d{3})?$/, UNIT_CODE_MESSAGE)
  administrativeUnitCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the achievement (thành tích); null clears it' })
  @IsOptional()
  @IsText(5000)
  achievement?: string | null;
  @ApiPropertyOptional({ description: 'order of presentation within the decision (0 to 1,000,000)' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_POSITION)
  position?: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'UUID of the agenda item of this conference where it is presented; null clears it' })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all')
  agendaItemId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'UUID of the bridge point of this conference where it is handed over; null clears it' })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all')
  bridgePointId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'who hands the award over (người trao); null clears it' })
  @IsOptional()
  @IsText(200)
  presenterName?: string | null;
}

/** `{ items: [...] }`: several recipients at once, all or none. */
export class AwardRecipientBatchDto {
  @ApiProperty({ type: [CreateAwardRecipientDto], description: `the recipients to add, 1 to ${MAX_RECIPIENTS_PER_REQUEST.toLocaleString('en')}` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECIPIENTS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => CreateAwardRecipientDto)
  items!: CreateAwardRecipientDto[];
}

export class CreateAwardDecisionDto {
  @ApiProperty({ example: '123/QĐ-TTg', description: 'số quyết định; "QD" is read as "QĐ"; unique in the conference' })
  @IsDecisionNumber()
  number!: string;

  @ApiProperty({ example: '2022-07-08', description: 'ngày ký' }) @IsIsoDate() signedAt!: string;

  @ApiProperty({ example: 'bang-khen-thu-tuong-chinh-phu', description: 'a form of GET /api/award-forms' })
  @IsText(64)
  awardFormCode!: string;

  @ApiPropertyOptional({ example: 'Thủ tướng Chính phủ', description: "defaults to the award form's issuing authority" })
  @IsOptional()
  @IsText(300)
  issuingAuthority?: string;

  @ApiPropertyOptional({ type: String, example: 'Phạm Minh Chính', description: 'who signed the decision (người ký)' })
  @IsOptional()
  @IsText(200)
  signerName?: string | null;
  @ApiPropertyOptional({ type: String, example: 'Thủ tướng Chính phủ', description: "the signer's position" })
  @IsOptional()
  @IsText(300)
  signerTitle?: string | null;

  @ApiPropertyOptional({ type: [CreateAwardRecipientDto], description: 'recipients, created with the decision (all or none)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RECIPIENTS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => CreateAwardRecipientDto)
  recipients?: CreateAwardRecipientDto[];
}

export class UpdateAwardDecisionDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ example: '123/QĐ-TTg', description: 'số quyết định; "QD" is read as "QĐ"; unique in the conference' })
  @IsOmittable()
  @IsDecisionNumber()
  number?: string;
  @ApiPropertyOptional({ format: 'date', example: '2022-07-08', description: 'ngày ký, YYYY-MM-DD' }) @IsOmittable() @IsIsoDate() signedAt?: string;
  @ApiPropertyOptional({ description: 'a form of GET /api/award-forms; it must take every kind of recipient the decision has' })
  @IsOmittable()
  @IsText(64)
  awardFormCode?: string;
  @ApiPropertyOptional({ description: 'who issued the decision (cơ quan ban hành)' }) @IsOmittable() @IsText(300) issuingAuthority?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'who signed it; null clears it' }) @IsOptional() @IsText(200) signerName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "the signer's position; null clears it" })
  @IsOptional()
  @IsText(300)
  signerTitle?: string | null;
}

export class AwardRecipientResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the recipient' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of its award decision' }) decisionId!: string;
  @ApiProperty({ enum: RECIPIENT_KINDS, description: 'individual (cá nhân) or collective (tập thể)' }) kind!: RecipientKind;
  @ApiProperty({ nullable: true, type: String, description: "the person's full name, or the collective's name" }) name!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'position (chức vụ)' }) title!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'organization (đơn vị)' }) organization!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'administrative unit code (2-digit province or 5-digit commune)' })
  administrativeUnitCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the achievement (thành tích)' }) achievement!: string | null;
  @ApiProperty({ description: 'order of presentation within the decision' }) position!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'UUID of the agenda item where it is presented' }) agendaItemId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'UUID of the bridge point where it is handed over' }) bridgePointId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the bridge point’s name (nơi trao)' }) bridgePointName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'who hands the award over (người trao)' }) presenterName!: string | null;
  @ApiProperty({ description: 'the version to send back with a change (optimistic locking)' }) version!: number;
}

export class AwardDecisionResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the decision' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of the conference' }) conferenceId!: string;
  @ApiProperty({ example: '123/QĐ-TTg', description: 'số quyết định, normalized ("QĐ", issuer in capitals except TTg)' }) number!: string;
  @ApiProperty({ format: 'date', example: '2022-07-08', description: 'ngày ký' }) signedAt!: string;
  @ApiProperty({ description: 'who issued the decision (cơ quan ban hành)' }) issuingAuthority!: string;
  @ApiProperty({ nullable: true, type: String, description: 'who signed it (người ký)' }) signerName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the signer's position" }) signerTitle!: string | null;
  @ApiProperty({ description: 'the code of its award form (hình thức khen thưởng)' }) awardFormCode!: string;
  @ApiProperty({ example: 'Bằng khen của Thủ tướng Chính phủ', description: 'the award form’s name in the catalogue' }) awardFormName!: string;
  @ApiProperty({
    example: 'Bằng khen của Ban Dân vận Trung ương',
    description: 'the heading of its awards in the award list and the minutes: the form’s name with this decision’s issuing authority after “của”',
  })
  awardTitle!: string;
  @ApiProperty({ type: [AwardRecipientResponseDto], description: 'in order of presentation' }) recipients!: AwardRecipientResponseDto[];
  @ApiProperty({ description: 'the version to send back with a change (optimistic locking)' }) version!: number;
}

/** `{ items }` given: the recipients added, in order of presentation. */
export class AwardRecipientListResponseDto {
  @ApiProperty({ type: [AwardRecipientResponseDto], description: 'the recipients added, in order of presentation' }) items!: AwardRecipientResponseDto[];
}

export function toAwardRecipientResponse(recipient: AwardRecipient, bridgePointName: string | null): AwardRecipientResponseDto {
  return {
    id: recipient.id,
    decisionId: recipient.decisionId,
    kind: recipient.kind,
    name: recipient.name,
    title: recipient.title,
    organization: recipient.organization,
    administrativeUnitCode: recipient.administrativeUnitCode,
    achievement: recipient.achievement,
    position: recipient.position,
    agendaItemId: recipient.agendaItemId,
    bridgePointId: recipient.bridgePointId,
    bridgePointName,
    presenterName: recipient.presenterName,
    version: recipient.version,
  };
}

export function toAwardDecisionResponse(
  decision: AwardDecision,
  awardFormName: string,
  recipients: AwardRecipientResponseDto[],
  formAuthority?: string,
): AwardDecisionResponseDto {
  return {
    id: decision.id,
    conferenceId: decision.conferenceId,
    number: decision.number,
    signedAt: decision.signedAt,
    issuingAuthority: decision.issuingAuthority,
    signerName: decision.signerName,
    signerTitle: decision.signerTitle,
    awardFormCode: decision.awardFormCode,
    awardFormName,
    awardTitle: awardTitle(awardFormName, decision.issuingAuthority, formAuthority),
    recipients,
    version: decision.version,
  };
}
