import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { EVALUATION_QUESTION_KINDS, EvaluationQuestionKind, MAX_ANSWER_TEXT, MAX_QUESTION_TEXT, MAX_QUESTIONS } from './evaluation';

export class EvaluationQuestionDto {
  @ApiPropertyOptional({
    maxLength: 40,
    pattern: '^[A-Za-z0-9_-]{1,40}$',
    description: 'a stable id chosen by the organizer; when left out, q1, q2… is given (the answers name questions by it)',
  })
  @IsOptional()
  @IsString()
  id?: string;

  @ApiProperty({ maxLength: MAX_QUESTION_TEXT, description: 'the question as shown to delegates, 1–500 characters' })
  @IsString()
  text!: string;

  @ApiProperty({ enum: EVALUATION_QUESTION_KINDS, description: 'rating: a mark 1–5; text: a free answer' })
  @IsIn(EVALUATION_QUESTION_KINDS)
  kind!: EvaluationQuestionKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'the session or speaker slot (agenda item of the conference) the question is about' })
  @IsOptional()
  @IsUUID()
  agendaItemId?: string | null;
}

export class EvaluationFormDto {
  @ApiProperty({ type: [EvaluationQuestionDto], maxItems: MAX_QUESTIONS, description: `the questions, in order; at most ${MAX_QUESTIONS}` })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => EvaluationQuestionDto)
  questions!: EvaluationQuestionDto[];
}

export class EvaluationQuestionResponseDto {
  @ApiProperty({ description: 'the question id' }) id!: string;
  @ApiProperty({ description: 'the question' }) text!: string;
  @ApiProperty({ enum: EVALUATION_QUESTION_KINDS, description: 'rating (1–5) or text' }) kind!: EvaluationQuestionKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'the session (agenda item) it is about, if any' }) agendaItemId?: string;
}

export class EvaluationFormResponseDto {
  @ApiProperty({ type: [EvaluationQuestionResponseDto], description: 'the questions, in order; empty when the conference has no form' })
  questions!: EvaluationQuestionResponseDto[];
  @ApiProperty({ type: 'integer', description: 'the form version, raised by each change; 0 when there is no form' }) version!: number;
  @ApiProperty({ type: 'integer', description: 'how many responses were received so far' }) responses!: number;
}

export class PublicEvaluationResponseDto {
  @ApiProperty({ type: [EvaluationQuestionResponseDto], description: "the conference's questions; empty when it has no form" })
  questions!: EvaluationQuestionResponseDto[];
  @ApiProperty({ description: 'whether the holder of the link submitted the form already' }) submitted!: boolean;
  @ApiProperty({ description: 'whether the holder may answer now: there is a form, the conference has started and is not cancelled, they hold a place and have not answered' })
  open!: boolean;
}

export class SubmitEvaluationDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'integer', minimum: 1, maximum: 5 }, { type: 'string', maxLength: MAX_ANSWER_TEXT }] },
    description: `question id → a rating 1–5 (rating questions) or a text of at most ${MAX_ANSWER_TEXT} characters; questions may be skipped, an empty answer is no answer; at least one answer`,
    example: { q1: 5, q2: 'Nội dung thiết thực' },
  })
  @IsObject()
  answers!: Record<string, unknown>;
}

export class EvaluationSubmittedDto {
  @ApiProperty({ description: 'always true: the answers were recorded, without the name of who gave them' }) submitted!: boolean;
}

/** How many gave each mark 1–5. */
class RatingDistributionDto {
  @ApiProperty({ type: 'integer', description: 'how many gave the mark 1' }) '1'!: number;
  @ApiProperty({ type: 'integer', description: 'how many gave the mark 2' }) '2'!: number;
  @ApiProperty({ type: 'integer', description: 'how many gave the mark 3' }) '3'!: number;
  @ApiProperty({ type: 'integer', description: 'how many gave the mark 4' }) '4'!: number;
  @ApiProperty({ type: 'integer', description: 'how many gave the mark 5' }) '5'!: number;
}

export class QuestionSummaryDto extends EvaluationQuestionResponseDto {
  @ApiPropertyOptional({ description: 'title of the session (agenda item) the question is about' }) agendaItemTitle?: string;
  @ApiProperty({ type: 'integer', description: 'how many responses answered it' }) count!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'rating questions: the mean mark, rounded to 2 decimals; null with no answer' })
  mean?: number | null;
  @ApiPropertyOptional({ type: RatingDistributionDto, description: 'rating questions: how many gave each mark 1–5' })
  distribution?: RatingDistributionDto;
  @ApiPropertyOptional({ type: [String], description: 'text questions: every answer, in alphabetical order (not in the order received)' })
  answers?: string[];
}

export class EvaluationSummaryDto {
  @ApiProperty({ type: 'integer', description: 'how many people submitted the form' }) responses!: number;
  @ApiProperty({
    type: [QuestionSummaryDto],
    description: 'per question, general questions first then by session in agenda order, each in form order',
  })
  questions!: QuestionSummaryDto[];
}
