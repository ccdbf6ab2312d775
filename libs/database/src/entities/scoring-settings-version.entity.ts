import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Company scoring settings (company names, scripts, forbidden phrases, thresholds: the scoring lib's
 * `ScoringSettings`). Append-only: a change is a new version, the highest version is current, and
 * past scores keep pointing at the version they used.
 */
@Entity('scoring_settings_versions')
export class ScoringSettingsVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'integer', unique: true }) version: number;
  @Column({ type: 'jsonb' }) settings: object;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
