import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { JobName, jobOptions, PurgeExpiredRecordingsJob, QueueName, QueueProcessor, redisOptionsFromUrl } from '@callgrade/queue';
import { PurgeExpiredRecordings } from '@callgrade/privacy';
import { Job, Queue } from 'bullmq';

/** One scheduler for the whole platform, however many workers upsert it. */
export const RETENTION_SCHEDULER_ID = 'retention.purge.hourly';
const EVERY_MS = 60 * 60 * 1000;

/**
 * Runs the retention purge: a BullMQ job scheduler adds a `purge-expired-recordings` job every hour
 * (and once at start); each job deletes what the retention settings say is due, up to a limit, and the
 * next tick carries on. Done like the sampling schedule.
 */
@Injectable()
export class RetentionPurgeWorker extends QueueProcessor<QueueName.Retention> implements OnApplicationBootstrap, OnApplicationShutdown {
  private scheduler?: Queue<PurgeExpiredRecordingsJob>;

  constructor(
    private readonly config: AppConfig,
    private readonly purge: PurgeExpiredRecordings,
  ) {
    super(QueueName.Retention, { [JobName.PurgeExpiredRecordings]: () => this.runTick() });
  }

  async onApplicationBootstrap() {
    if (!this.config.retentionPurgeEnabled) return;
    this.scheduler = new Queue<PurgeExpiredRecordingsJob>(QueueName.Retention, { connection: redisOptionsFromUrl(this.config.redisUrl) });
    this.scheduler.on('error', (error) => this.logger.warn(`Retention queue: ${error.message}`));
    await this.scheduler.upsertJobScheduler(
      RETENTION_SCHEDULER_ID,
      { every: EVERY_MS },
      { name: JobName.PurgeExpiredRecordings, data: {}, opts: jobOptions(JobName.PurgeExpiredRecordings) },
    );
    this.startWorker({ redisUrl: this.config.redisUrl, concurrency: 1, lockMs: this.config.workerLockMs });
    this.logger.log('Retention purge scheduled (hourly)');
  }

  private async runTick(): Promise<string> {
    const result = await this.purge.execute(new Date());
    return `${result.recordings} recording(s) purged, ${result.bytes} bytes${result.more ? ', more next time' : ''}`;
  }

  /** A failed tick is logged; the next tick carries on where it stopped. */
  protected async onFinalFailure(_job: Job<PurgeExpiredRecordingsJob>, error: Error) {
    this.logger.warn(`Retention purge failed: ${error.message}`);
  }

  async onApplicationShutdown() {
    await this.stopWorker();
    await this.scheduler?.close();
  }
}
