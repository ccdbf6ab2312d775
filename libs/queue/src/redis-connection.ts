import Redis, { RedisOptions } from 'ioredis';

export class RedisUnavailableError extends Error {}

/** Connection options for BullMQ from a redis:// URL. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/** Fails fast, with a message saying how to get Redis, when nothing answers at the URL. */
export async function assertRedisAnswers(url: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new RedisUnavailableError(
      `Redis is not answering at ${url} (${(e as Error).message}). Callgrade needs Redis for its job queues: ` +
        'start one with `docker compose up -d redis`, or `apt-get install redis-server`, or point REDIS_URL at yours.',
    );
  } finally {
    client.disconnect();
  }
}
