import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { PageResponseDto } from '../common/page-response.decorator';
import { CompletionRuleResponseDto } from '../conferences/conference.dto';
import { CompletionRule } from '../conferences/conference.entity';

const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

/** Filters of the completion list and of its XLSX export. */
export class CompletionFilterDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only the people who completed the training (true) or who did not (false)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  completed?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'uuid', description: 'only the people of this bridge point (điểm cầu)' })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all')
  bridgePointId?: string;
}

export class CompletionListQueryDto extends IntersectionType(PageQueryDto, CompletionFilterDto) {}

/** One attendee's completion of the training. */
export class CompletionResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the attendee' }) attendeeId!: string;
  @ApiProperty({ description: "the attendee's full name" }) fullName!: string;
  @ApiProperty({ nullable: true, type: String, description: "the attendee's title (chức vụ); null when none" }) title!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the attendee's organization (đơn vị); null when none" }) organization!: string | null;
  @ApiProperty({ format: 'uuid', description: 'UUID of their bridge point (điểm cầu)' }) bridgePointId!: string;
  @ApiProperty({ type: 'integer', description: "the conference's sessions: agenda items with attendanceRequired" }) sessionsRequired!: number;
  @ApiProperty({ type: 'integer', description: 'sessions this person attended: marked present or late (excused and absent do not count)' }) sessionsAttended!: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: 'sessionsAttended as a whole percent of sessionsRequired, rounded down; 0 when there are no sessions' })
  attendancePercent!: number;
  @ApiProperty({ description: 'whether they submitted the evaluation form (phiếu đánh giá)' })
  evaluationSubmitted!: boolean;
  @ApiProperty({
    description:
      'completed (hoàn thành khóa học): there is at least one session, attendancePercent reaches the minimum of the rule, and the evaluation ' +
      'was submitted if the rule requires it',
  })
  completed!: boolean;
}

export class CompletionPageDto extends PageResponseDto {
  @ApiProperty({ type: [CompletionResponseDto], description: 'one page of the people who hold a place, by name' }) items!: CompletionResponseDto[];
  @ApiProperty({ type: 'integer', description: "the conference's sessions (agenda items with attendanceRequired); 0: no sessions, so nobody has completed" })
  sessionsRequired!: number;
  @ApiProperty({ type: CompletionRuleResponseDto, description: "the conference's completion rule the figures were judged by" }) completionRule!: CompletionRule;
}
