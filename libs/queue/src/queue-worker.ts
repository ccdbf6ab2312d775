import { runWithRequestId } from '@callgrade/observability';
import { Processor, Worker } from 'bullmq';
import { JobMeta } from './outbox.writer';
import { QueueName } from './queue-names';
import { redisOptionsFromUrl } from './redis-connection';

export interface QueueWorkerOptions {
  redisUrl: string;
  concurrency: number;
  /** How long a job's lock lasts; a crashed worker's job is taken up again after about this long. */
  lockMs: number;
}

/**
 * A BullMQ worker with the platform's settings for locks and stalled-job recovery. Each job runs with
 * the request id it carries (JobMeta), so its log lines and the jobs it enqueues carry it too.
 */
export function startQueueWorker<T>(queue: QueueName, processor: Processor<T>, options: QueueWorkerOptions): Worker<T> {
  const inRequestContext: Processor<T> = (job, token) => {
    const requestId = (job.data as JobMeta | undefined)?.requestId;
    return runWithRequestId(typeof requestId === 'string' ? requestId : undefined, 'job', () => processor(job, token));
  };
  return new Worker<T>(queue, inRequestContext, {
    connection: { ...redisOptionsFromUrl(options.redisUrl), maxRetriesPerRequest: null },
    concurrency: options.concurrency,
    lockDuration: options.lockMs,
    stalledInterval: options.lockMs,
    maxStalledCount: 2,
  });
}
