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
import { IsOmittable, IsText } from '../common/validators';
import { AwardDecision } from './award-decision.entity';
import { AwardRecipient, RECIPIENT_KINDS, RecipientKind } from './award-recipient.entity';
import { awardTitle } from './award-title';
import { DECISION_NUMBER_HINT, parseDecisionNumber } from './decision-number';

export const MAX_RECIPIENTS_PER_REQUEST = 1000;
const MAX_POSITION = 1_000_000;

const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

function IsDecisionNumber(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDecisionNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be ${DECISION_NUMBER_HINT}`, ...options },
      validator: { validate: (value: unknown) => parseDecisionNumber(value) !== null },
    });
}

/** The fields of a recipient; every text is stored NFC. */
export class CreateAwardRecipientDto {
  @ApiProperty({ enum: RECIPIENT_KINDS, description: 'cá nhân (individual) or tập thể (collective)' })
  @IsIn(RECIPIENT_KINDS, { message: 'kind must be individual or collective' })
  kind!: RecipientKind;

  @ApiPropertyOptional({ type: String, example: 'Nguyễn Thị Hồng Nhung', description: "the person's full name, or the collective's name" })
  @IsOptional()
  @IsText(300)
  name?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Trưởng Ban Dân vận Huyện ủy' }) @IsOptional() @IsText(300) title?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Huyện ủy Lục Ngạn, tỉnh Bắc Giang', description: 'required when there is no name' })
  @IsOptional()
  @IsText(300)
  organization?: string | null;

  @ApiPropertyOptional({ type: String, example: '24', description: 'an administrative unit of the conference’s catalogue (vn-63 before 1 July 2025, vn-34 since)' })
  @IsOptional()
  @Matches(/^\d{2}(\d{3})?$/, { message: 'administrativeUnitCode must be a province (2 digits) or commune (5 digits) code' })
  administrativeUnitCode?: string | null;

  @ApiPropertyOptional({ type: String, description: 'thành tích' }) @IsOptional() @IsText(5000) achievement?: string | null;

  @ApiPropertyOptional({ description: 'order of presentation within the decision; defaults to after the last one' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_POSITION)
  position?: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the agenda item (usually award_ceremony) where it is presented' })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all', { message: 'agendaItemId must be a UUID' })
  agendaItemId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the bridge point where it is handed over' })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all', { message: 'bridgePointId must be a UUID' })
  bridgePointId?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Trần Quốc Hưng' }) @IsOptional() @IsText(200) presenterName?: string | null;
}

/** Only the fields given change; optional ones may be cleared with null. */
export class UpdateAwardRecipientDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({ enum: RECIPIENT_KINDS })
  @IsOmittable()
  @IsIn(RECIPIENT_KINDS, { message: 'kind must be individual or collective' })
  kind?: RecipientKind;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(300) name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(300) title?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(300) organization?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(/^\d{2}(\d{3})?$/, { message: 'administrativeUnitCode must be a province (2 digits) or commune (5 digits) code' })
  administrativeUnitCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(5000) achievement?: string | null;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(0) @Max(MAX_POSITION) position?: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all', { message: 'agendaItemId must be a UUID' })
  agendaItemId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all', { message: 'bridgePointId must be a UUID' })
  bridgePointId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(200) presenterName?: string | null;
}

/** `{ items: [...] }`: several recipients at once, all or none. */
export class AwardRecipientBatchDto {
  @ApiProperty({ type: [CreateAwardRecipientDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'items must not be empty' })
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

  @ApiPropertyOptional({ type: String, example: 'Phạm Minh Chính' }) @IsOptional() @IsText(200) signerName?: string | null;
  @ApiPropertyOptional({ type: String, example: 'Thủ tướng Chính phủ' }) @IsOptional() @IsText(300) signerTitle?: string | null;

  @ApiPropertyOptional({ type: [CreateAwardRecipientDto], description: 'recipients, created with the decision' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RECIPIENTS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => CreateAwardRecipientDto)
  recipients?: CreateAwardRecipientDto[];
}

export class UpdateAwardDecisionDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOmittable() @IsDecisionNumber() number?: string;
  @ApiPropertyOptional() @IsOmittable() @IsIsoDate() signedAt?: string;
  @ApiPropertyOptional() @IsOmittable() @IsText(64) awardFormCode?: string;
  @ApiPropertyOptional() @IsOmittable() @IsText(300) issuingAuthority?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(200) signerName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(300) signerTitle?: string | null;
}

export class AwardRecipientResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() decisionId!: string;
  @ApiProperty({ enum: RECIPIENT_KINDS }) kind!: RecipientKind;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) organization!: string | null;
  @ApiProperty({ nullable: true, type: String }) administrativeUnitCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) achievement!: string | null;
  @ApiProperty({ description: 'order of presentation within the decision' }) position!: number;
  @ApiProperty({ nullable: true, type: String }) agendaItemId!: string | null;
  @ApiProperty({ nullable: true, type: String }) bridgePointId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the bridge point’s name (nơi trao)' }) bridgePointName!: string | null;
  @ApiProperty({ nullable: true, type: String }) presenterName!: string | null;
  @ApiProperty() version!: number;
}

export class AwardDecisionResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() conferenceId!: string;
  @ApiProperty({ example: '123/QĐ-TTg' }) number!: string;
  @ApiProperty({ format: 'date', example: '2022-07-08', description: 'ngày ký' }) signedAt!: string;
  @ApiProperty() issuingAuthority!: string;
  @ApiProperty({ nullable: true, type: String }) signerName!: string | null;
  @ApiProperty({ nullable: true, type: String }) signerTitle!: string | null;
  @ApiProperty() awardFormCode!: string;
  @ApiProperty({ example: 'Bằng khen của Thủ tướng Chính phủ', description: 'the award form’s name in the catalogue' }) awardFormName!: string;
  @ApiProperty({
    example: 'Bằng khen của Ban Dân vận Trung ương',
    description: 'the heading of its awards in the award list and the minutes: the form’s name with this decision’s issuing authority after “của”',
  })
  awardTitle!: string;
  @ApiProperty({ type: [AwardRecipientResponseDto], description: 'in order of presentation' }) recipients!: AwardRecipientResponseDto[];
  @ApiProperty() version!: number;
}

/** `{ items }` given: the recipients added, in order of presentation. */
export class AwardRecipientListResponseDto {
  @ApiProperty({ type: [AwardRecipientResponseDto] }) items!: AwardRecipientResponseDto[];
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
