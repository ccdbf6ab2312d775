import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A customer complaint about a call or an agent; the targeted sampling rule `linked_complaint` reads it. */
@Entity('complaints')
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'recording_id', type: 'uuid', nullable: true }) recordingId: string | null;
  @Column({ name: 'agent_id', type: 'uuid' }) agentId: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ type: 'text' }) summary: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
