import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RecordingStatus } from '@callgrade/database';
import { EventPublisher } from '@callgrade/events';
import { DataSource, EntityManager } from 'typeorm';

export interface StatusChange {
  recordingId: string;
  agentId: string;
  status: RecordingStatus;
  reason: string | null;
}

/** Moves a recording through its lifecycle and tells the clients allowed to see it. */
@Injectable()
export class RecordingStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /** Sets the status and announces it. Returns null when the recording was not in one of `from`. */
  async set(recordingId: string, status: RecordingStatus, options: { reason?: string | null; from?: RecordingStatus[] } = {}): Promise<StatusChange | null> {
    const change = await this.update(this.dataSource.manager, recordingId, status, options);
    if (change) await this.announce(change);
    return change;
  }

  /** Sets the status in the caller's transaction; announce the change after commit. */
  async update(
    manager: EntityManager,
    recordingId: string,
    status: RecordingStatus,
    options: { reason?: string | null; from?: RecordingStatus[] } = {},
  ): Promise<StatusChange | null> {
    const reason = options.reason ?? null;
    const params: unknown[] = [recordingId, status, reason];
    let guard = '';
    if (options.from) {
      params.push(options.from);
      guard = 'AND status = ANY($4::recording_status[])';
    }
    const [rows] = await manager.query<[{ agent_id: string }[], number]>(
      `UPDATE recordings SET status = $2, failure_reason = $3, updated_at = now() WHERE id = $1 ${guard} RETURNING agent_id`,
      params,
    );
    return rows.length ? { recordingId, agentId: rows[0].agent_id, status, reason } : null;
  }

  announce(change: StatusChange): Promise<void> {
    return this.events.publish(
      'recording.status',
      { recordingId: change.recordingId, agentId: change.agentId, status: change.status, failureReason: change.reason },
      { agentId: change.agentId },
    );
  }
}
