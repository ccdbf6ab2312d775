import { Processor, Worker } from 'bullmq';
import { QueueName } from './queue-names';
import { redisOptionsFromUrl } from './redis-connection';

export interface QueueWorkerOptions {
  redisUrl: string;
  concurrency: number;
  /** How long a job's lock lasts; a crashed worker's job is taken up again after about this long. */
  lockMs: number;
}

/** A BullMQ worker with the platform's settings for locks and stalled-job recovery. */
export function startQueueWorker<T>(queue: QueueName, processor: Processor<T>, options: QueueWorkerOptions): Worker<T> {
  return new Worker<T>(queue, processor, {
    connection: { ...redisOptionsFromUrl(options.redisUrl), maxRetriesPerRequest: null },
    concurrency: options.concurrency,
    lockDuration: options.lockMs,
    stalledInterval: options.lockMs,
    maxStalledCount: 2,
  });
}
