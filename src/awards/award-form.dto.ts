import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsText } from '../common/validators';
import { RECIPIENT_KINDS, RecipientKind } from './award-recipient.entity';
import { AWARD_FORM_KINDS, AWARD_FORM_LEVELS, AwardForm } from './award-form.entity';

/** POST /api/award-forms: a form the catalogue lacks (custom = true). */
export class CreateAwardFormDto {
  @ApiProperty({ example: 'bang-khen-ban-dan-van-tinh-uy', description: 'lower-case letters, digits and hyphens; unique' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'code must be lower-case letters, digits and single hyphens, e.g. bang-khen-ban-dan-van' })
  @MaxLength(64)
  code!: string;

  @ApiProperty({ example: 'Bằng khen của Ban Thường vụ Tỉnh ủy' }) @IsText(200) name!: string;

  @ApiProperty({ enum: AWARD_FORM_KINDS }) @IsIn(AWARD_FORM_KINDS) kind!: AwardForm['kind'];

  @ApiProperty({ enum: AWARD_FORM_LEVELS }) @IsIn(AWARD_FORM_LEVELS) level!: AwardForm['level'];

  @ApiProperty({ example: 'Ban Thường vụ Tỉnh ủy' }) @IsText(200) issuingAuthority!: string;

  @ApiProperty({ example: 'TU', description: 'the usual issuer abbreviation in its decision numbers (…/QĐ-TU)' })
  @Matches(/^(TTg|[A-ZĐ][A-ZĐ0-9]*)(-[A-ZĐ][A-ZĐ0-9]*)*$/u, { message: 'decisionSuffix must be an issuer abbreviation such as TTg, UBND or BDVTW' })
  @MaxLength(16)
  decisionSuffix!: string;

  @ApiProperty({ type: [String], enum: RECIPIENT_KINDS, example: ['individual', 'collective'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'recipientKinds must name individual, collective or both' })
  @ArrayMaxSize(2)
  @ArrayUnique({ message: 'recipientKinds must not repeat a kind' })
  @IsIn(RECIPIENT_KINDS, { each: true, message: 'recipientKinds must be individual or collective' })
  recipientKinds!: RecipientKind[];

  @ApiPropertyOptional({ default: 100, description: 'orders the catalogue from the highest award down' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  rank?: number;
}

export class AwardFormResponseDto {
  @ApiProperty({ example: 'bang-khen-thu-tuong-chinh-phu' }) code!: string;
  @ApiProperty({ example: 'Bằng khen của Thủ tướng Chính phủ' }) name!: string;
  @ApiProperty({ enum: AWARD_FORM_KINDS }) kind!: string;
  @ApiProperty({ enum: AWARD_FORM_LEVELS }) level!: string;
  @ApiProperty() issuingAuthority!: string;
  @ApiProperty({ example: 'TTg' }) decisionSuffix!: string;
  @ApiProperty({ type: [String], enum: RECIPIENT_KINDS, example: ['individual', 'collective'] }) recipientKinds!: string[];
  @ApiProperty() rank!: number;
  @ApiProperty() custom!: boolean;
}

export function toAwardFormResponse(form: AwardForm): AwardFormResponseDto {
  return {
    code: form.code,
    name: form.name,
    kind: form.kind,
    level: form.level,
    issuingAuthority: form.issuingAuthority,
    decisionSuffix: form.decisionSuffix,
    recipientKinds: form.recipientKinds.split(';'),
    rank: form.rank,
    custom: form.custom,
  };
}
