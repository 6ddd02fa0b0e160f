import { ApiProperty } from '@nestjs/swagger';
import { AWARD_FORM_KINDS, AWARD_FORM_LEVELS, AwardForm } from './award-form.entity';

export class AwardFormResponseDto {
  @ApiProperty({ example: 'bang-khen-thu-tuong-chinh-phu' }) code!: string;
  @ApiProperty({ example: 'Bằng khen của Thủ tướng Chính phủ' }) name!: string;
  @ApiProperty({ enum: AWARD_FORM_KINDS }) kind!: string;
  @ApiProperty({ enum: AWARD_FORM_LEVELS }) level!: string;
  @ApiProperty() issuingAuthority!: string;
  @ApiProperty({ example: 'TTg' }) decisionSuffix!: string;
  @ApiProperty({ type: [String], example: ['individual', 'collective'] }) recipientKinds!: string[];
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
