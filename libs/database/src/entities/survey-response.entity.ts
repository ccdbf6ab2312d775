import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A post-call survey answer (CSAT 1-5, NPS 0-10); the targeted sampling rule `low_csat` reads it. */
@Entity('survey_responses')
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'recording_id', type: 'uuid' }) recordingId: string;
  @Column({ type: 'smallint', nullable: true }) csat: number | null;
  @Column({ type: 'smallint', nullable: true }) nps: number | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
}
