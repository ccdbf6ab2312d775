import { DispatchedHook } from '@callgrade/queue';
import { RecordingLifecycle } from './recording-lifecycle.service';

/**
 * A recording is `queued` once its transcription job is really in Redis. Runs in the relay's
 * transaction; the events go out right away, so a client may see `queued` a moment before commit.
 */
export const markRecordingsQueued =
  (lifecycle: RecordingLifecycle): DispatchedHook =>
  async (manager, payloads) => {
    const moves = await lifecycle.moveAllInTransaction(
      manager,
      payloads.map((p) => p.recordingId as string),
      'queue',
    );
    await lifecycle.announce(moves);
  };
