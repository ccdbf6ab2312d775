import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { JobName, jobOptions, QueueName, QueueProcessor, redisOptionsFromUrl, RunScheduledSamplingJob } from '@callgrade/queue';
import { RunScheduledSampling, ScheduledRunOutcome } from '@callgrade/review-sampling';
import { Job, Queue } from 'bullmq';

/** One scheduler for the whole platform, however many workers upsert it. */
export const SAMPLING_SCHEDULER_ID = 'review-sampling.hourly';
const EVERY_MS = 60 * 60 * 1000;

/**
 * Runs the sampling schedule: a BullMQ job scheduler adds a `run-scheduled-sampling` job every hour (and
 * once at start), and each job runs every plan with its schedule on for its previous complete period.
 * Hourly is plenty for day, week and month periods, and a tick for a period that already ran does nothing.
 */
@Injectable()
export class SamplingScheduleWorker extends QueueProcessor<QueueName.ReviewSampling> implements OnApplicationBootstrap, OnApplicationShutdown {
  private scheduler?: Queue<RunScheduledSamplingJob>;

  constructor(
    private readonly config: AppConfig,
    private readonly runScheduled: RunScheduledSampling,
  ) {
    super(QueueName.ReviewSampling, { [JobName.RunScheduledSampling]: (job) => this.runTick(job) });
  }

  async onApplicationBootstrap() {
    if (!this.config.samplingSchedulerEnabled) return;
    this.scheduler = new Queue<RunScheduledSamplingJob>(QueueName.ReviewSampling, { connection: redisOptionsFromUrl(this.config.redisUrl) });
    this.scheduler.on('error', (error) => this.logger.warn(`Sampling schedule queue: ${error.message}`));
    await this.scheduler.upsertJobScheduler(
      SAMPLING_SCHEDULER_ID,
      { every: EVERY_MS },
      { name: JobName.RunScheduledSampling, data: {}, opts: jobOptions(JobName.RunScheduledSampling) },
    );
    this.startWorker({ redisUrl: this.config.redisUrl, concurrency: 1, lockMs: this.config.workerLockMs });
    this.logger.log('Sampling schedule started (hourly)');
  }

  /** Runs every due plan once; throws (so BullMQ retries the tick) when a plan failed. */
  async tick(now = new Date(), planId?: string): Promise<ScheduledRunOutcome[]> {
    const outcomes = await this.runScheduled.execute(now, planId);
    const failed = outcomes.filter((o) => o.outcome === 'failed');
    if (failed.length) throw new Error(`scheduled sampling failed for ${failed.length} plan(s): ${failed.map((f) => `${f.planId}: ${f.error}`).join('; ')}`);
    return outcomes;
  }

  private async runTick(job: Job<RunScheduledSamplingJob>): Promise<string> {
    const outcomes = await this.tick(new Date(), job.data.planId);
    const ran = outcomes.filter((o) => o.outcome === 'ran');
    if (ran.length) this.logger.log(`Scheduled sampling: ${ran.map((o) => `plan ${o.planId} picked ${o.picked}`).join(', ')}`);
    return `${ran.length} run(s), ${outcomes.length - ran.length} already done`;
  }

  /** A failed tick is logged by its error; the next tick runs the plans again. */
  protected async onFinalFailure(_job: Job<RunScheduledSamplingJob>, error: Error) {
    this.logger.warn(`Scheduled sampling failed: ${error.message}`);
  }

  async onApplicationShutdown() {
    await this.stopWorker();
    await this.scheduler?.close();
  }
}
