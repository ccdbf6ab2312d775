import { RecordingStatus } from '@callgrade/database';
import { EventPublisher } from '@callgrade/events';
import { DispatchedHook } from '@callgrade/queue';

/**
 * A recording is `queued` once its transcription job is really in Redis. Runs in the relay's
 * transaction; the events go out right away, so a client may see `queued` a moment before commit.
 */
export const markRecordingsQueued =
  (events: EventPublisher): DispatchedHook =>
  async (manager, payloads) => {
    const [rows] = await manager.query<[{ id: string; agent_id: string }[], number]>(
      `UPDATE recordings SET status = $2, updated_at = now() WHERE id = ANY($1::uuid[]) AND status = $3 RETURNING id, agent_id`,
      [payloads.map((p) => p.recordingId), RecordingStatus.Queued, RecordingStatus.Received],
    );
    for (const row of rows) {
      await events.publish('recording.status', { recordingId: row.id, agentId: row.agent_id, status: RecordingStatus.Queued, failureReason: null }, { agentId: row.agent_id });
    }
  };
