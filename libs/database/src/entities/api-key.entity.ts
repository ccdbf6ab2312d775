import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A machine client's credential. Only a hash of the secret is stored; the secret is shown once. */
@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column() name: string;

  /** Public part of the key, used to find the row without scanning hashes. */
  @Column({ unique: true }) prefix: string;

  @Column({ name: 'secret_hash', select: false }) secretHash: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
