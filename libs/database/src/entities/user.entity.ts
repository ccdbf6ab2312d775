import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ALL_USER_ROLES, UserRole } from '@callgrade/contracts';
import { TeamEntity } from './team.entity';

export { ALL_USER_ROLES, UserRole };

/** Everyone who works with calls: every role but the auditor, who reads only the audit log. */
export const CALL_READER_ROLES: readonly UserRole[] = ALL_USER_ROLES.filter((role) => role !== UserRole.Auditor);

/** Who may read the audit log. */
export const AUDIT_READER_ROLES: readonly UserRole[] = [UserRole.Admin, UserRole.Auditor];

/** Who evaluates calls, reviews sampled work and takes part in calibration. */
export const REVIEWER_ROLES: readonly UserRole[] = [UserRole.Admin, UserRole.QaSupervisor];

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** Stored lower-cased; unique. */
  @Index({ unique: true }) @Column() email: string;

  @Column({ name: 'display_name' }) displayName: string;

  @Column({ name: 'password_hash', select: false }) passwordHash: string;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role' }) role: UserRole;

  /** The phone system's id for an agent. */
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId: string | null;

  @Column({ name: 'team_id', type: 'uuid', nullable: true }) teamId: string | null;

  @ManyToOne(() => TeamEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity | null;

  @Column({ default: true }) active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
