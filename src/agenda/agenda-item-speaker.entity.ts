import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A speaker on an agenda item, in order. */
@Entity('agenda_item_speakers')
export class AgendaItemSpeaker {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  agendaItemId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  speakerId!: string;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}
