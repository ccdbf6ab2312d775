import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An agent away from work, inclusive dates (UTC). Sampling skips agents on leave. */
@Entity('agent_leaves')
export class AgentLeaveEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'agent_id', type: 'uuid' }) agentId: string;
  /** YYYY-MM-DD */
  @Column({ name: 'starts_on', type: 'date' }) startsOn: string;
  /** YYYY-MM-DD, inclusive. */
  @Column({ name: 'ends_on', type: 'date' }) endsOn: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
