import { FlatJson } from './flat-json';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A job to hand to the queue, written in the same transaction as the change that caused it. */
@Entity('outbox_messages')
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;

  @Column() queue: string;
  @Column({ name: 'job_name' }) jobName: string;
  /** Deterministic, so a message relayed twice is still one job. */
  @Column({ name: 'job_id' }) jobId: string;
  @Column({ type: 'jsonb' }) payload: FlatJson;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
}
