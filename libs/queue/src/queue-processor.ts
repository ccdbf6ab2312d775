import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { JOB_REGISTRY, JobName, JobPayloads, JobsOf, QueueName } from './queue-names';
import { startQueueWorker, QueueWorkerOptions } from './queue-worker';

/** What handles each job of a queue: every job the registry puts on it, and no other. */
export type JobHandlers<Q extends QueueName> = { [J in JobsOf<Q>]: (job: Job<JobPayloads[J], string, J>) => Promise<string> };

/**
 * The one way a queue is consumed: a handler per job name, failures decided in one place (final when
 * the error is unrecoverable or the attempts are spent), and a worker started and stopped with the app.
 */
export abstract class QueueProcessor<Q extends QueueName> {
  protected readonly logger = new Logger(this.constructor.name);
  private worker?: Worker;

  protected constructor(
    readonly queue: Q,
    protected readonly handlers: JobHandlers<Q>,
  ) {}

  /** The job names this processor handles, for the boot check. */
  handledJobs(): JobName[] {
    return Object.keys(this.handlers) as JobName[];
  }

  protected startWorker(options: QueueWorkerOptions): void {
    this.worker = startQueueWorker(this.queue, (job) => this.dispatch(job), options);
    this.worker.on('failed', (job, error) => {
      if (!job) return;
      this.afterFailure(job as Job<JobPayloads[JobsOf<Q>]>, error).catch((e: Error) =>
        this.logger.error(`Recording the failure of job ${job.id}: ${e.message}`),
      );
    });
    this.worker.on('error', (error) => this.logger.warn(`${this.queue} worker: ${error.message}`));
  }

  protected async stopWorker(): Promise<void> {
    await this.worker?.close();
  }

  private async dispatch(job: Job): Promise<string> {
    const handler = (this.handlers as unknown as Record<string, ((job: Job) => Promise<string>) | undefined>)[job.name];
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name} on queue ${this.queue}`);
    return handler(job);
  }

  private async afterFailure(job: Job<JobPayloads[JobsOf<Q>]>, error: Error): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    if (isFinalFailure(job, error)) await this.onFinalFailure(job, error);
    else await this.onAttemptFailed(job, error, attempts);
  }

  /** No attempt left, or no retry can help. */
  protected abstract onFinalFailure(job: Job<JobPayloads[JobsOf<Q>]>, error: Error): Promise<void>;

  /** The job will be tried again after its backoff. */
  protected async onAttemptFailed(_job: Job<JobPayloads[JobsOf<Q>]>, _error: Error, _attempts: number): Promise<void> {}
}

/** Final when the error says no retry can help, or when the job has used all its attempts. */
export function isFinalFailure(job: Pick<Job, 'attemptsMade' | 'opts'>, error: Error): boolean {
  return error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
}

/** Refuses to start a worker process in which a registered job has no handler: its jobs would wait forever. */
export function assertEveryJobHandled(processors: readonly Pick<QueueProcessor<QueueName>, 'handledJobs'>[]): void {
  const handled = new Set(processors.flatMap((p) => p.handledJobs()));
  const missing = (Object.keys(JOB_REGISTRY) as JobName[]).filter((job) => !handled.has(job));
  if (missing.length > 0) {
    throw new Error(
      `No handler for job(s) ${missing.map((job) => `${job} (queue ${JOB_REGISTRY[job].queue})`).join(', ')}: register a processor for each before starting the worker`,
    );
  }
}
