import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { coded } from '../common/validation-messages';
import { IsText } from '../common/validators';
import { RECIPIENT_KINDS, RecipientKind } from './award-recipient.entity';
import { AWARD_FORM_KINDS, AWARD_FORM_LEVELS, AwardForm } from './award-form.entity';

/** POST /api/award-forms: a form the catalogue lacks (custom = true). */
export class CreateAwardFormDto {
  @ApiProperty({ example: 'bang-khen-ban-dan-van-tinh-uy', description: 'lower-case letters, digits and single hyphens, at most 64 characters; unique in the catalogue' })
  @Matches(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    coded('bad_format', 'Mã hình thức khen thưởng chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối đơn, ví dụ bang-khen-ban-dan-van.'),
  )
  @MaxLength(64)
  code!: string;

  @ApiProperty({ example: 'Bằng khen của Ban Thường vụ Tỉnh ủy', description: 'the name of the award form, as the award list heads it' })
  @IsText(200)
  name!: string;

  @ApiProperty({ enum: AWARD_FORM_KINDS, description: 'order (huân chương), title (danh hiệu), flag (cờ thi đua) or certificate (bằng khen, giấy khen)' }) @IsIn(AWARD_FORM_KINDS) kind!: AwardForm['kind'];

  @ApiProperty({ enum: AWARD_FORM_LEVELS, description: 'the level of the authority that grants it: state, ministry, province, commune or unit' }) @IsIn(AWARD_FORM_LEVELS) level!: AwardForm['level'];

  @ApiProperty({ example: 'Ban Thường vụ Tỉnh ủy', description: "the usual issuing authority; a decision's own authority may differ" })
  @IsText(200)
  issuingAuthority!: string;

  @ApiProperty({ example: 'TU', description: 'the usual issuer abbreviation in its decision numbers (…/QĐ-TU)' })
  @Matches(
    /^(TTg|[A-ZĐ][A-ZĐ0-9]*)(-[A-ZĐ][A-ZĐ0-9]*)*$/u,
    coded('bad_format', 'Chữ viết tắt của cơ quan ban hành phải viết như TTg, UBND hoặc BDVTW (chữ in hoa và chữ số, các phần nối bằng dấu gạch nối).'),
  )
  @MaxLength(16)
  decisionSuffix!: string;

  @ApiProperty({ type: [String], enum: RECIPIENT_KINDS, example: ['individual', 'collective'], description: 'who may receive it: individual (cá nhân), collective (tập thể) or both' })
  @IsArray()
  @ArrayMinSize(1, coded('too_few_items', 'Hình thức khen thưởng phải dành cho cá nhân (individual), tập thể (collective) hoặc cả hai.'))
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(RECIPIENT_KINDS, { each: true })
  recipientKinds!: RecipientKind[];

  @ApiPropertyOptional({ default: 100, description: 'orders the catalogue from the highest award down' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  rank?: number;
}

export class AwardFormResponseDto {
  @ApiProperty({ example: 'bang-khen-thu-tuong-chinh-phu', description: 'the stable code decisions name it by' }) code!: string;
  @ApiProperty({ example: 'Bằng khen của Thủ tướng Chính phủ', description: 'the name of the award form (hình thức khen thưởng)' }) name!: string;
  @ApiProperty({ enum: AWARD_FORM_KINDS, description: 'order (huân chương), title (danh hiệu), flag (cờ thi đua) or certificate (bằng khen, giấy khen)' })
  kind!: string;
  @ApiProperty({ enum: AWARD_FORM_LEVELS, description: 'the level of the authority that grants it: state, ministry, province, commune or unit' }) level!: string;
  @ApiProperty({ description: 'the usual issuing authority (cơ quan ban hành)' }) issuingAuthority!: string;
  @ApiProperty({ example: 'TTg', description: 'the usual issuer abbreviation in its decision numbers (…/QĐ-TTg)' }) decisionSuffix!: string;
  @ApiProperty({ type: [String], enum: RECIPIENT_KINDS, example: ['individual', 'collective'], description: 'who may receive it, individual first' })
  recipientKinds!: string[];
  @ApiProperty({ description: 'orders the catalogue from the highest award (lowest rank) down' }) rank!: number;
  @ApiProperty({ description: 'true for a form an organizer added; false for the seeded catalogue' }) custom!: boolean;
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
