import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@callgrade/config';
import { callgradeMetrics } from '@callgrade/observability';
import { QueueName, redisOptionsFromUrl } from '@callgrade/queue';
import { Job, Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { HealthService } from './health.service';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Queue metrics for Prometheus. Depths, the oldest waiting job and the outbox backlog are read when
 * /metrics is scraped. Job durations and failures come from BullMQ's queue events, listened to only in
 * a process that runs that queue's worker; the events are the queue's, so with several worker
 * replicas each reports every job: aggregate those series with max, not sum.
 */
@Injectable()
export class QueueMetrics implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(QueueMetrics.name);
  private readonly metrics = callgradeMetrics();
  private readonly listeners: { queue: Queue; events: QueueEvents }[] = [];
  private stopRefreshing?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly health: HealthService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.stopRefreshing = this.metrics.refreshBeforeScrape(() => this.refresh());
    const workedHere: Record<QueueName, boolean> = {
      [QueueName.Transcription]: this.config.transcriptionWorkerEnabled,
      [QueueName.Scoring]: this.config.scoringWorkerEnabled,
      [QueueName.ReviewSampling]: this.config.samplingSchedulerEnabled,
      [QueueName.ComplaintDeadlines]: this.config.complaintTimersEnabled,
      [QueueName.Retention]: this.config.retentionPurgeEnabled,
    };
    for (const name of Object.values(QueueName).filter((q) => workedHere[q])) this.listenTo(name);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopRefreshing?.();
    await Promise.all(this.listeners.flatMap(({ queue, events }) => [events.close(), queue.close()]).map((p) => p.catch(() => undefined)));
  }

  private async refresh(): Promise<void> {
    const [outbox] = await this.dataSource.query<{ n: number; age: number | null }[]>(
      `SELECT count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float8 AS age FROM outbox_messages WHERE dispatched_at IS NULL`,
    );
    this.metrics.outboxPending.set(outbox.n);
    this.metrics.outboxOldestAge.set(Math.max(0, outbox.age ?? 0));
    const queues = await this.health.queueStats();
    for (const [queue, { depth, oldestWaitingAt }] of Object.entries(queues)) {
      for (const state of JOB_STATES) this.metrics.queueJobs.set({ queue, state }, depth[state]);
      this.metrics.queueOldestWaitingAge.set({ queue }, oldestWaitingAt === null ? 0 : Math.max(0, (Date.now() - oldestWaitingAt) / 1000));
    }
  }

  private listenTo(name: QueueName): void {
    const connection = { ...redisOptionsFromUrl(this.config.redisUrl), maxRetriesPerRequest: null };
    const queue = new Queue(name, { connection });
    const events = new QueueEvents(name, { connection });
    queue.on('error', () => undefined);
    events.on('error', (error) => this.logger.debug(`Queue events for ${name}: ${error.message}`));
    events.on('completed', ({ jobId }) => void this.record(queue, jobId, 'completed'));
    events.on('failed', ({ jobId }) => void this.record(queue, jobId, 'failed'));
    this.listeners.push({ queue, events });
  }

  private async record(queue: Queue, jobId: string, outcome: 'completed' | 'failed'): Promise<void> {
    try {
      const job = await Job.fromId(queue, jobId);
      if (!job) return;
      const labels = { queue: queue.name, job: job.name };
      if (job.processedOn && job.finishedOn) this.metrics.jobDuration.observe({ ...labels, outcome }, (job.finishedOn - job.processedOn) / 1000);
      if (outcome === 'failed') this.metrics.jobFailures.inc({ ...labels, final: String(job.attemptsMade >= (job.opts.attempts ?? 1)) });
    } catch (e) {
      this.logger.debug(`Could not read job ${jobId} of ${queue.name} for metrics: ${(e as Error).message}`);
    }
  }
}
