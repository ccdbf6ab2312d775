import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics, created once per process (several apps in one process, as in
 * `npm start` or the tests, share them). Names follow Prometheus conventions: seconds, `_total`.
 */
export class CallgradeMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'callgrade_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly uploads = new Counter({
    name: 'callgrade_uploads_total',
    help: 'Recording uploads by outcome: accepted (new), duplicate (same call again) or refused (4xx/5xx)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'callgrade_queue_jobs',
    help: 'Jobs in each queue by state, read from Redis when scraped',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly queueOldestWaitingAge = new Gauge({
    name: 'callgrade_queue_oldest_waiting_age_seconds',
    help: 'How long the oldest waiting job of each queue has waited (0 when none waits)',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  readonly outboxPending = new Gauge({
    name: 'callgrade_outbox_pending',
    help: 'Jobs committed in PostgreSQL but not yet handed to Redis',
    registers: [this.registry],
  });

  readonly outboxOldestAge = new Gauge({
    name: 'callgrade_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest job not yet handed to Redis (0 when none)',
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'callgrade_job_duration_seconds',
    help: 'Time from a job attempt starting to its end, by queue, job name and outcome (completed or failed)',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600],
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'callgrade_job_failures_total',
    help: 'Failed job attempts by queue and job name; final="true" when no attempt is left',
    labelNames: ['queue', 'job', 'final'] as const,
    registers: [this.registry],
  });

  private readonly beforeScrape = new Set<() => Promise<void>>();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'callgrade_' });
  }

  /** `refresh` runs before every scrape (gauges read from the stores); the returned function stops it. */
  refreshBeforeScrape(refresh: () => Promise<void>): () => void {
    this.beforeScrape.add(refresh);
    return () => this.beforeScrape.delete(refresh);
  }

  /** The text exposition format; a refresh that fails leaves its gauges as they were. */
  async render(): Promise<{ contentType: string; body: string }> {
    await Promise.all([...this.beforeScrape].map((refresh) => refresh().catch(() => undefined)));
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

let instance: CallgradeMetrics | undefined;

export function callgradeMetrics(): CallgradeMetrics {
  instance ??= new CallgradeMetrics();
  return instance;
}
