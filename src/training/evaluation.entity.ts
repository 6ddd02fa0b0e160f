import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { EvaluationAnswers, EvaluationQuestion } from './evaluation';

/** phiếu đánh giá: a conference's evaluation form, one per conference. */
@Entity('evaluation_forms')
export class EvaluationForm {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'simple-json' })
  questions!: EvaluationQuestion[];

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * One set of answers to a conference's form. Anonymous by design: no attendee, no link, no time
 * (even a day could tell who answered on a quiet day); the id is random.
 */
@Entity('evaluation_responses')
export class EvaluationResponse {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'simple-json' })
  answers!: EvaluationAnswers;
}

/** That a person submitted the form (for completion and "once only"), never what they answered. */
@Entity('evaluation_submissions')
export class EvaluationSubmission {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  attendeeId!: string;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;
}
