import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@callgrade/config';
import { RecordingStatus } from '@callgrade/database';
import { QueueName, redisOptionsFromUrl } from '@callgrade/queue';
import { RecordingLifecycle, RecordingMove } from '@callgrade/recordings';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/** Statuses in which a recording waits on a job in Redis. */
const WAITING_ON_A_JOB = [RecordingStatus.Received, RecordingStatus.Queued, RecordingStatus.Transcribing, RecordingStatus.Transcribed, RecordingStatus.Scoring];
const TRANSCRIPTION_STAGE = [RecordingStatus.Queued, RecordingStatus.Transcribing];

interface Candidate {
  recording_id: string;
  status: RecordingStatus;
  message_id: string;
  queue: QueueName;
  job_id: string;
}

export interface RecoveryResult {
  checked: number;
  requeued: string[];
}

/**
 * Finds recordings whose job was handed to Redis but is no longer there (Redis restarted without its
 * data, or was flushed) and hands the same job to the outbox relay again. Only recordings untouched
 * for longer than `staleAfterMs` are looked at, so jobs being added or picked up are left alone.
 */
@Injectable()
export class RecoverLostJobs implements OnApplicationShutdown {
  private readonly logger = new Logger(RecoverLostJobs.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly lifecycle: RecordingLifecycle,
  ) {}

  async execute(staleAfterMs: number, batchSize = 500): Promise<RecoveryResult> {
    // The latest job each waiting recording was given; jobs not yet relayed are the relay's business.
    const candidates = await this.dataSource.query<Candidate[]>(
      `SELECT r.id AS recording_id, r.status, m.id AS message_id, m.queue, m.job_id
         FROM recordings r
         JOIN LATERAL (
           SELECT id, queue, job_id, dispatched_at FROM outbox_messages
            WHERE job_id LIKE r.id::text || '.%' AND queue = ANY($3::text[])
            ORDER BY id DESC LIMIT 1) m ON true
        WHERE r.status = ANY($1::recording_status[]) AND r.updated_at < now() - make_interval(secs => $2)
          AND m.dispatched_at IS NOT NULL
        ORDER BY r.updated_at LIMIT $4`,
      [WAITING_ON_A_JOB, staleAfterMs / 1000, [QueueName.Transcription, QueueName.Scoring], batchSize],
    );
    const requeued: string[] = [];
    for (const candidate of candidates) {
      const state = await this.queue(candidate.queue).getJobState(candidate.job_id);
      if (state !== 'unknown') continue;
      const outcome = await this.requeue(candidate);
      if (!outcome.requeued) continue;
      requeued.push(candidate.recording_id);
      if (outcome.move) await this.lifecycle.announce([outcome.move]);
    }
    if (requeued.length) this.logger.warn(`Re-queued ${requeued.length} recording(s) whose job was lost from Redis: ${requeued.join(', ')}`);
    return { checked: candidates.length, requeued };
  }

  private requeue(candidate: Candidate): Promise<{ requeued: boolean; move?: RecordingMove }> {
    return this.dataSource.transaction(async (manager) => {
      // Same job id: BullMQ accepts it again once the old job is gone, and it stays one job.
      const [, reset] = await manager.query<[unknown, number]>(
        `UPDATE outbox_messages SET dispatched_at = NULL, last_error = 'job lost from Redis' WHERE id = $1 AND dispatched_at IS NOT NULL`,
        [candidate.message_id],
      );
      if (!reset) return { requeued: false };
      if (TRANSCRIPTION_STAGE.includes(candidate.status)) {
        // Back to received, so the relay marks it queued again once Redis has the job.
        const [move] = await this.lifecycle.moveAllInTransaction(manager, [candidate.recording_id], 'recover_lost_job');
        return { requeued: true, move };
      }
      await manager.query(`UPDATE recordings SET updated_at = now() WHERE id = $1`, [candidate.recording_id]);
      return { requeued: true };
    });
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: { ...redisOptionsFromUrl(this.config.redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1 } });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown() {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
