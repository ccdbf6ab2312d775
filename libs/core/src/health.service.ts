import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@callgrade/config';
import { QueueName, redisOptionsFromUrl } from '@callgrade/queue';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

export interface DependencyHealth {
  status: 'up' | 'down';
  latencyMs?: number;
  error?: string;
}

export type QueueDepth = Record<'waiting' | 'active' | 'delayed' | 'failed', number>;

export interface HealthReport {
  status: 'ok' | 'error';
  checks: { database: DependencyHealth; redis: DependencyHealth };
  /** Jobs per queue; absent while Redis is down. */
  queues?: Record<string, QueueDepth>;
  /** Jobs accepted but not yet handed to Redis (the outbox). */
  outboxPending?: number;
}

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly queues: Queue[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redisUrl), lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: CHECK_TIMEOUT_MS });
    this.redis.on('error', () => undefined);
    this.queues = Object.values(QueueName).map((name) => new Queue(name, { connection: { ...redisOptionsFromUrl(config.redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 0 } }));
    this.queues.forEach((q) => q.on('error', () => undefined));
  }

  async check(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      measure(() => this.dataSource.query('SELECT 1')),
      measure(async () => {
        if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
        await this.redis.ping();
      }),
    ]);
    const report: HealthReport = { status: database.status === 'up' && redis.status === 'up' ? 'ok' : 'error', checks: { database, redis } };
    if (database.status === 'up') {
      const [row] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox_messages WHERE dispatched_at IS NULL`);
      report.outboxPending = row.n;
    }
    if (redis.status === 'up') {
      const depths = await Promise.all(this.queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'failed').catch(() => null)));
      report.queues = Object.fromEntries(this.queues.flatMap((q, i) => (depths[i] ? [[q.name, depths[i] as QueueDepth]] : [])));
    }
    return report;
  }

  async onApplicationShutdown() {
    this.redis.disconnect();
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
  }
}

async function measure(probe: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([probe(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)))]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { status: 'down', error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
