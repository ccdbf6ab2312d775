import { QueueName } from '@callgrade/queue';
import { Queue } from 'bullmq';
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import { SoakSample } from './soak-trend';

/** Reads the platform process and its queues from outside, as an operator's monitoring would. */
export class SoakSampler {
  private readonly queues: Queue[];
  private readonly db: Client;

  constructor(
    private readonly pid: number,
    redisUrl: string,
    databaseUrl: string,
  ) {
    const url = new URL(redisUrl);
    const connection = { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) };
    this.queues = [QueueName.Transcription, QueueName.Scoring].map((name) => new Queue(name, { connection }));
    this.db = new Client({ connectionString: databaseUrl });
  }

  async open() {
    await this.db.connect();
  }

  async sample(atS: number, callsSent: number): Promise<SoakSample> {
    const rssKib = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'latin1'))?.[1] ?? NaN);
    // Open file descriptors: sockets, files, pipes: what a leak of handles shows up as.
    const openHandles = readdirSync(`/proc/${this.pid}/fd`).length;
    const counts = await Promise.all(this.queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children')));
    const { rows } = await this.db.query<{ pending: number; done: number }>(
      `SELECT (SELECT count(*)::int FROM outbox_messages WHERE dispatched_at IS NULL) AS pending,
              (SELECT count(*)::int FROM recordings WHERE status IN ('scored', 'failed')) AS done`,
    );
    const queued = counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
    return { atS, callsSent, callsDone: rows[0].done, rssMb: rssKib / 1024, openHandles, queueDepth: queued + rows[0].pending };
  }

  async failures(): Promise<{ id: string; failure_reason: string }[]> {
    return (await this.db.query<{ id: string; failure_reason: string }>(`SELECT id, failure_reason FROM recordings WHERE status = 'failed' LIMIT 5`)).rows;
  }

  async close() {
    await Promise.all(this.queues.map((q) => q.close()));
    await this.db.end();
  }
}
