import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
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

export interface QueueBacklog {
  /** Jobs per queue; absent while Redis is down. */
  queues?: Record<string, QueueDepth>;
  /** Jobs accepted but not yet handed to Redis (the outbox); absent while the database is down. */
  outboxPending?: number;
}

export interface HealthReport extends QueueBacklog {
  status: 'ok' | 'error';
  checks: { database: DependencyHealth; redis: DependencyHealth };
}

const CHECK_TIMEOUT_MS = 2000;

/** The probes behind GET /health (run by @nestjs/terminus) and the queue backlog shown beside them. */
@Injectable()
export class HealthService implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly queues: Queue[];
  private readonly indicators = new HealthIndicatorService();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.redisUrl),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: CHECK_TIMEOUT_MS,
    });
    this.redis.on('error', () => undefined);
    this.queues = Object.values(QueueName).map(
      (name) => new Queue(name, { connection: { ...redisOptionsFromUrl(config.redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 0 } }),
    );
    this.queues.forEach((q) => q.on('error', () => undefined));
  }

  database(): Promise<HealthIndicatorResult<'database'>> {
    return this.probe('database', () => this.dataSource.query('SELECT 1'));
  }

  redisPing(): Promise<HealthIndicatorResult<'redis'>> {
    return this.probe('redis', async () => {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
      await this.redis.ping();
    });
  }

  /** Queue depths and the outbox, from whichever of the two stores answered. */
  async backlog(up: { database: boolean; redis: boolean }): Promise<QueueBacklog> {
    const backlog: QueueBacklog = {};
    if (up.database) {
      const [row] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox_messages WHERE dispatched_at IS NULL`);
      backlog.outboxPending = row.n;
    }
    if (up.redis) {
      const depths = await Promise.all(this.queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'failed').catch(() => null)));
      backlog.queues = Object.fromEntries(this.queues.flatMap((q, i) => (depths[i] ? [[q.name, depths[i] as QueueDepth]] : [])));
    }
    return backlog;
  }

  /** Per queue: its depth, and when the oldest waiting job was added (ms since the epoch), or null. */
  async queueStats(): Promise<Record<string, { depth: QueueDepth; oldestWaitingAt: number | null }>> {
    const stats = await Promise.all(
      this.queues.map(async (q) => {
        const [depth, [oldest]] = await Promise.all([
          q.getJobCounts('waiting', 'active', 'delayed', 'failed') as Promise<QueueDepth>,
          q.getJobs(['waiting'], 0, 0, true),
        ]);
        return [q.name, { depth, oldestWaitingAt: oldest?.timestamp ?? null }] as const;
      }),
    );
    return Object.fromEntries(stats);
  }

  /** Every probe and the backlog in one report, without the HTTP layer. */
  async check(): Promise<HealthReport> {
    const [{ database }, { redis }] = await Promise.all([this.database(), this.redisPing()]);
    const checks = { database: database as DependencyHealth, redis: redis as DependencyHealth };
    const backlog = await this.backlog({ database: database.status === 'up', redis: redis.status === 'up' });
    return { status: database.status === 'up' && redis.status === 'up' ? 'ok' : 'error', checks, ...backlog };
  }

  async onApplicationShutdown() {
    this.redis.disconnect();
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
  }

  private async probe<const Key extends string>(key: Key, probe: () => Promise<unknown>): Promise<HealthIndicatorResult<Key>> {
    const check = this.indicators.check(key);
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS))),
      ]);
      return check.up({ latencyMs: Math.round(performance.now() - started) });
    } catch (e) {
      return check.down({ error: (e as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
