import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { FlatJson } from '@callgrade/database';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_JOB_SETTINGS, isJobName, jobOptions, JobSettings, QueueName } from './queue-names';
import { redisOptionsFromUrl } from './redis-connection';

interface PendingMessage {
  id: string;
  queue: QueueName;
  job_name: string;
  job_id: string;
  payload: FlatJson;
  deliver_at: Date | null;
}

/** Runs in the relay's transaction once messages of a queue are in Redis, e.g. to mark records queued. */
export type DispatchedHook = (manager: EntityManager, payloads: FlatJson[]) => Promise<void>;

export interface RelayResult {
  dispatched: number;
  failed: number;
  error?: string;
}

const ADD_TIMEOUT_MS = 5000;

/**
 * Moves committed outbox rows to their BullMQ queues. Rows stay until Redis has the job, so an
 * outage only delays jobs. Several relays may run at once: rows are claimed with SKIP LOCKED, and
 * job ids are deterministic, so a row relayed twice is still one job.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<QueueName, Queue>();
  private readonly hooks = new Map<QueueName, DispatchedHook[]>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private lastError?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly redisUrl: string,
    private readonly jobSettings: JobSettings = DEFAULT_JOB_SETTINGS,
  ) {}

  onDispatched(queue: QueueName, hook: DispatchedHook) {
    this.hooks.set(queue, [...(this.hooks.get(queue) ?? []), hook]);
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // No offline queue: while Redis is down, add() fails at once and the row simply waits.
      queue = new Queue(name, { connection: { ...redisOptionsFromUrl(this.redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1 } });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Relays one batch; returns how many went through. Stops at the first failure, keeping order. */
  async dispatchPending(batchSize = 200): Promise<RelayResult> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingMessage[] = await manager.query(
        `SELECT id, queue, job_name, job_id, payload, deliver_at FROM outbox_messages
          WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      const done: PendingMessage[] = [];
      let error: string | undefined;
      for (const row of rows) {
        try {
          if (!isJobName(row.job_name)) throw new Error(`no job named ${row.job_name} in the job registry`);
          const options = jobOptions(row.job_name, this.jobSettings);
          const queue = this.queue(row.queue);
          await withTimeout(
            queue.waitUntilReady().then(() => queue.add(row.job_name, row.payload, { ...options, jobId: row.job_id, ...delayUntil(row.deliver_at) })),
            ADD_TIMEOUT_MS,
          );
          done.push(row);
        } catch (e) {
          error = (e as Error).message;
          await manager.query(`UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, error]);
          break;
        }
      }
      if (done.length) {
        await manager.query(`UPDATE outbox_messages SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [done.map((r) => r.id)]);
        for (const [queue, hooks] of this.hooks) {
          const payloads = done.filter((r) => r.queue === queue).map((r) => r.payload);
          if (payloads.length) for (const hook of hooks) await hook(manager, payloads);
        }
      }
      return { dispatched: done.length, failed: rows.length - done.length, ...(error && { error }) };
    });
  }

  /** Polls until stopped; drains quickly while there is work and backs off while Redis is down. */
  start(pollMs: number) {
    this.stopped = false;
    const tick = async () => {
      let delay = pollMs;
      try {
        const result = await this.dispatchPending();
        if (result.error) {
          if (result.error !== this.lastError) this.logger.warn(`Outbox relay cannot reach the queue: ${result.error}; jobs wait in PostgreSQL`);
          delay = Math.min(pollMs * 10, 5000);
        } else if (this.lastError) {
          this.logger.log('Outbox relay reaches the queue again');
        }
        this.lastError = result.error;
        if (result.dispatched > 0 && !result.error) delay = 0;
      } catch (e) {
        this.logger.error(`Outbox relay failed: ${(e as Error).message}`);
        delay = Math.min(pollMs * 10, 5000);
      }
      if (!this.stopped)
        this.timer = setTimeout(() => {
          this.running = tick();
        }, delay);
    };
    this.running = tick();
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queues.clear();
  }
}

function delayUntil(deliverAt: Date | null): { delay?: number } {
  return deliverAt ? { delay: Math.max(0, deliverAt.getTime() - Date.now()) } : {};
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const settled = promise.finally(() => clearTimeout(timer));
  // When the timeout wins, a later failure of `promise` has nobody left to hear it: swallow it here
  // rather than let it crash the process as an unhandled rejection.
  settled.catch(() => undefined);
  return Promise.race([settled, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`queue did not answer within ${ms} ms`)), ms)))]);
}
