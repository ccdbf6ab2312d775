import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type DisputeRouting = 'other_reviewer' | 'dispute_team';

/** Company-wide review rules; a single row. */
@Entity('review_settings')
export class ReviewSettingsEntity {
  @PrimaryColumn({ type: 'smallint' }) id: number;
  /** How long after publication an agent may dispute. */
  @Column({ name: 'dispute_window_hours', type: 'integer' }) disputeWindowHours: number;
  /** Who resolves disputes: a QA reviewer other than the original one, or the dispute team. */
  @Column({ name: 'dispute_routing', type: 'text' }) disputeRouting: DisputeRouting;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
