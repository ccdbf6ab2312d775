import { FlatJson } from './flat-json';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `system`: scheduled work (the retention purge), with the nil UUID as its id. `anonymous`: nobody signed in (a login lockout); such events have no actor id. */
export type ActorType = 'user' | 'api_key' | 'system' | 'anonymous';

/** Append-only record of who did what to which resource. */
@Entity('audit_events')
@Index(['resourceType', 'resourceId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;

  @CreateDateColumn({ type: 'timestamptz' }) at: Date;

  @Column({ name: 'actor_type', type: 'text' }) actorType: ActorType;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;

  @Column() action: string;
  @Column({ name: 'resource_type' }) resourceType: string;
  @Column({ name: 'resource_id', type: 'text' }) resourceId: string;

  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column({ name: 'user_agent', type: 'text', nullable: true }) userAgent: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) details: FlatJson;
}
