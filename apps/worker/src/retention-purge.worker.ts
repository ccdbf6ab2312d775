import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { JOB_OPTIONS, JobName, PurgeExpiredRecordingsJob, QueueName, redisOptionsFromUrl, startQueueWorker } from '@callgrade/queue';
import { PurgeExpiredRecordings } from '@callgrade/privacy';
import { Queue, Worker } from 'bullmq';

/** One scheduler for the whole platform, however many workers upsert it. */
export const RETENTION_SCHEDULER_ID = 'retention.purge.hourly';
const EVERY_MS = 60 * 60 * 1000;

/**
 * Runs the retention purge: a BullMQ job scheduler adds a `purge-expired-recordings` job every hour
 * (and once at start); each job deletes what the retention settings say is due, up to a limit, and the
 * next tick carries on. Done like the sampling schedule.
 */
@Injectable()
export class RetentionPurgeWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionPurgeWorker.name);
  private queue?: Queue<PurgeExpiredRecordingsJob>;
  private worker?: Worker<PurgeExpiredRecordingsJob>;

  constructor(
    private readonly config: AppConfig,
    private readonly purge: PurgeExpiredRecordings,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.retentionPurgeEnabled) return;
    this.queue = new Queue<PurgeExpiredRecordingsJob>(QueueName.Retention, { connection: redisOptionsFromUrl(this.config.redisUrl) });
    this.queue.on('error', (error) => this.logger.warn(`Retention queue: ${error.message}`));
    await this.queue.upsertJobScheduler(RETENTION_SCHEDULER_ID, { every: EVERY_MS }, { name: JobName.PurgeExpiredRecordings, data: {}, opts: JOB_OPTIONS[QueueName.Retention] });
    this.worker = startQueueWorker<PurgeExpiredRecordingsJob>(
      QueueName.Retention,
      async () => {
        const result = await this.purge.execute(new Date());
        return `${result.recordings} recording(s) purged, ${result.bytes} bytes${result.more ? ', more next time' : ''}`;
      },
      { redisUrl: this.config.redisUrl, concurrency: 1, lockMs: this.config.workerLockMs },
    );
    this.worker.on('error', (error) => this.logger.warn(`Retention worker: ${error.message}`));
    this.logger.log('Retention purge scheduled (hourly)');
  }

  async onApplicationShutdown() {
    await this.worker?.close();
    await this.queue?.close();
  }
}
