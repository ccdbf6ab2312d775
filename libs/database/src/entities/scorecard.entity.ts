import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A named scorecard; its content lives in versions. */
@Entity('scorecards')
export class ScorecardEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ unique: true }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  /** The scorecard auto-scoring applies; exactly one at a time. */
  @Column({ name: 'is_default', default: false }) isDefault: boolean;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @OneToMany(() => ScorecardVersionEntity, (v) => v.scorecard) versions?: ScorecardVersionEntity[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/**
 * One version of a scorecard. `definition` holds the sections and criteria (the scoring lib's
 * `Scorecard`). Once a version has been used to score (`firstUsedAt` set) it is frozen: edits make a
 * new version, so every score can be explained by the exact version it used.
 */
@Entity('scorecard_versions')
export class ScorecardVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'scorecard_id', type: 'uuid' }) scorecardId: string;
  @ManyToOne(() => ScorecardEntity, (s) => s.versions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scorecard_id' })
  scorecard?: ScorecardEntity;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) definition: object;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'first_used_at', type: 'timestamptz', nullable: true }) firstUsedAt: Date | null;
}
