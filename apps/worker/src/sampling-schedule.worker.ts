import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { JOB_OPTIONS, JobName, QueueName, redisOptionsFromUrl, RunScheduledSamplingJob, startQueueWorker } from '@callgrade/queue';
import { RunScheduledSampling, ScheduledRunOutcome } from '@callgrade/review-sampling';
import { Job, Queue, Worker } from 'bullmq';

/** One scheduler for the whole platform, however many workers upsert it. */
export const SAMPLING_SCHEDULER_ID = 'review-sampling.hourly';
const EVERY_MS = 60 * 60 * 1000;

/**
 * Runs the sampling schedule: a BullMQ job scheduler adds a `run-scheduled-sampling` job every hour (and
 * once at start), and each job runs every plan with its schedule on for its previous complete period.
 * Hourly is plenty for day, week and month periods, and a tick for a period that already ran does nothing.
 */
@Injectable()
export class SamplingScheduleWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SamplingScheduleWorker.name);
  private queue?: Queue<RunScheduledSamplingJob>;
  private worker?: Worker<RunScheduledSamplingJob>;

  constructor(
    private readonly config: AppConfig,
    private readonly runScheduled: RunScheduledSampling,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.samplingSchedulerEnabled) return;
    this.queue = new Queue<RunScheduledSamplingJob>(QueueName.ReviewSampling, { connection: redisOptionsFromUrl(this.config.redisUrl) });
    this.queue.on('error', (error) => this.logger.warn(`Sampling schedule queue: ${error.message}`));
    await this.queue.upsertJobScheduler(
      SAMPLING_SCHEDULER_ID,
      { every: EVERY_MS },
      { name: JobName.RunScheduledSampling, data: {}, opts: JOB_OPTIONS[QueueName.ReviewSampling] },
    );
    this.worker = startQueueWorker<RunScheduledSamplingJob>(QueueName.ReviewSampling, (job) => this.process(job), {
      redisUrl: this.config.redisUrl,
      concurrency: 1,
      lockMs: this.config.workerLockMs,
    });
    this.worker.on('error', (error) => this.logger.warn(`Sampling schedule worker: ${error.message}`));
    this.logger.log('Sampling schedule started (hourly)');
  }

  /** Runs every due plan once; throws (so BullMQ retries the tick) when a plan failed. */
  async tick(now = new Date(), planId?: string): Promise<ScheduledRunOutcome[]> {
    const outcomes = await this.runScheduled.execute(now, planId);
    const failed = outcomes.filter((o) => o.outcome === 'failed');
    if (failed.length) throw new Error(`scheduled sampling failed for ${failed.length} plan(s): ${failed.map((f) => `${f.planId}: ${f.error}`).join('; ')}`);
    return outcomes;
  }

  private async process(job: Job<RunScheduledSamplingJob>): Promise<string> {
    const outcomes = await this.tick(new Date(), job.data.planId);
    const ran = outcomes.filter((o) => o.outcome === 'ran');
    if (ran.length) this.logger.log(`Scheduled sampling: ${ran.map((o) => `plan ${o.planId} picked ${o.picked}`).join(', ')}`);
    return `${ran.length} run(s), ${outcomes.length - ran.length} already done`;
  }

  async onApplicationShutdown() {
    await this.worker?.close();
    await this.queue?.close();
  }
}
