import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RecordingStatus } from '@callgrade/contracts';
import { EventPublisher } from '@callgrade/events';
import { DataSource, EntityManager } from 'typeorm';
import { IllegalRecordingMoveError, RecordingAction, recordingMoves } from './recording-lifecycle';

export interface RecordingMove {
  recordingId: string;
  agentId: string;
  status: RecordingStatus;
  reason: string | null;
}

interface MovedRow {
  id: string;
  agent_id: string;
  status: RecordingStatus;
}

/**
 * The one writer of `recordings.status` after upload: each move is checked against the transition
 * table in one guarded UPDATE, and announced to the clients allowed to see the recording.
 */
@Injectable()
export class RecordingLifecycle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /** Moves the recording and announces it. @throws IllegalRecordingMoveError when its status does not allow the action. */
  async move(recordingId: string, action: RecordingAction, reason: string | null = null): Promise<RecordingMove> {
    const move = await this.moveInTransaction(this.dataSource.manager, recordingId, action, reason);
    await this.announce([move]);
    return move;
  }

  /** Like `move`, but a recording whose status does not allow the action is left as it is: returns null. */
  async moveIfAllowed(recordingId: string, action: RecordingAction, reason: string | null = null): Promise<RecordingMove | null> {
    const [move] = await this.moveAllInTransaction(this.dataSource.manager, [recordingId], action, reason);
    if (move) await this.announce([move]);
    return move ?? null;
  }

  /** Moves in the caller's transaction; announce the move after commit. @throws IllegalRecordingMoveError */
  async moveInTransaction(manager: EntityManager, recordingId: string, action: RecordingAction, reason: string | null = null): Promise<RecordingMove> {
    const [move] = await this.moveAllInTransaction(manager, [recordingId], action, reason);
    if (move) return move;
    const [row] = await manager.query<{ status: RecordingStatus }[]>(`SELECT status FROM recordings WHERE id = $1`, [recordingId]);
    if (!row) throw new Error(`recording ${recordingId} no longer exists`);
    throw new IllegalRecordingMoveError(row.status, action);
  }

  /** Moves those of the recordings whose status allows the action, in the caller's transaction; the others are left alone. */
  async moveAllInTransaction(manager: EntityManager, recordingIds: string[], action: RecordingAction, reason: string | null = null): Promise<RecordingMove[]> {
    const moves = recordingMoves(action);
    // One statement, no join: a row another transaction changes meanwhile is re-checked, and moved
    // from its new status, once that transaction commits. The driver answers [rows, affected count].
    const [rows] = await manager.query<[MovedRow[], number]>(
      `UPDATE recordings SET status = ($3::recording_status[])[array_position($2::recording_status[], status)], failure_reason = $4, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = ANY($2::recording_status[])
        RETURNING id, agent_id, status`,
      [recordingIds, moves.map((m) => m.from), moves.map((m) => m.to), reason],
    );
    return rows.map((row) => ({ recordingId: row.id, agentId: row.agent_id, status: row.status, reason }));
  }

  /** Tells the clients allowed to see each recording (staff, and its agent) where it now is. */
  async announce(moves: RecordingMove[]): Promise<void> {
    for (const move of moves) {
      await this.events.publish(
        'recording.status',
        { recordingId: move.recordingId, agentId: move.agentId, status: move.status, failureReason: move.reason },
        { agentId: move.agentId },
      );
    }
  }
}
