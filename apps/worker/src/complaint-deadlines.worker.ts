import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CheckComplaintDeadline, SweepComplaintDeadlines } from '@callgrade/complaints';
import { AppConfig } from '@callgrade/config';
import { CheckComplaintDeadlineJob, JobName, jobOptions, QueueName, QueueProcessor, redisOptionsFromUrl } from '@callgrade/queue';
import { Job, Queue } from 'bullmq';

/**
 * Complaint deadlines. Each deadline is a delayed BullMQ job, written to the outbox with the complaint;
 * when it fires, the breach is checked in PostgreSQL. Under it, a sweep on a plain timer (so it does not
 * depend on Redis keeping anything) marks every breach a lost timer missed and puts back the timers of
 * deadlines due before the next sweeps: a breach is never missed across restarts or a Redis flush.
 */
@Injectable()
export class ComplaintDeadlinesWorker extends QueueProcessor<QueueName.ComplaintDeadlines> implements OnApplicationBootstrap, OnApplicationShutdown {
  private timers?: Queue<CheckComplaintDeadlineJob>;
  private sweepTimer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly check: CheckComplaintDeadline,
    private readonly sweeper: SweepComplaintDeadlines,
  ) {
    super(QueueName.ComplaintDeadlines, { [JobName.CheckComplaintDeadline]: (job) => this.process(job) });
  }

  onApplicationBootstrap() {
    if (!this.config.complaintTimersEnabled) return;
    this.startWorker({ redisUrl: this.config.redisUrl, concurrency: 2, lockMs: this.config.workerLockMs });
    this.timers = new Queue<CheckComplaintDeadlineJob>(QueueName.ComplaintDeadlines, {
      connection: { ...redisOptionsFromUrl(this.config.redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    });
    this.timers.on('error', () => undefined);
    this.scheduleSweep(0);
  }

  private async process(job: Job<CheckComplaintDeadlineJob>): Promise<string> {
    return this.check.execute(job.data.complaintId, job.data.kind);
  }

  /** A check that keeps failing is left to the sweep, which marks the breach from PostgreSQL. */
  protected async onFinalFailure(job: Job<CheckComplaintDeadlineJob>, error: Error) {
    this.logger.warn(`Complaint deadline check ${job.id} failed: ${error.message}; the sweep will mark it`);
  }

  /** One sweep: breaches first (PostgreSQL only), then the timers due soon (Redis; skipped while it is down). */
  async sweep(now = new Date()): Promise<{ breached: number; timers: number }> {
    const horizonMs = 3 * this.config.complaintSweepMs;
    const { breached, upcoming } = await this.sweeper.execute(now, horizonMs);
    if (breached > 0) this.logger.warn(`Complaint deadline sweep marked ${breached} breach(es) their timers missed`);
    if (this.timers && upcoming.length > 0) {
      // The same job ids as the outbox wrote: a timer still in Redis is left as it is.
      await this.timers.addBulk(
        upcoming.map((t) => ({
          name: t.job,
          data: t.payload,
          opts: {
            ...jobOptions(JobName.CheckComplaintDeadline),
            jobId: t.jobId,
            delay: Math.max(0, t.payload.dueAt ? Date.parse(t.payload.dueAt) - Date.now() : 0),
          },
        })),
      );
    }
    return { breached, timers: upcoming.length };
  }

  private scheduleSweep(delayMs: number) {
    if (this.stopped) return;
    this.sweepTimer = setTimeout(() => {
      this.sweeping = this.sweep()
        .then(() => undefined)
        .catch((e: Error) => this.logger.warn(`Complaint deadline sweep failed: ${e.message}`))
        .finally(() => this.scheduleSweep(this.config.complaintSweepMs));
    }, delayMs);
  }

  async onApplicationShutdown() {
    this.stopped = true;
    clearTimeout(this.sweepTimer);
    await this.sweeping;
    await this.stopWorker();
    await this.timers?.close();
  }
}
