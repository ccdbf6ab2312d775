import { RecordingStatus } from '@callgrade/database';
import { DispatchedHook } from '@callgrade/queue';

/** A recording is `queued` once its transcription job is really in Redis. */
export const markRecordingsQueued: DispatchedHook = async (manager, payloads) => {
  await manager.query(`UPDATE recordings SET status = $2, updated_at = now() WHERE id = ANY($1::uuid[]) AND status = $3`, [
    payloads.map((p) => p.recordingId),
    RecordingStatus.Queued,
    RecordingStatus.Received,
  ]);
};
