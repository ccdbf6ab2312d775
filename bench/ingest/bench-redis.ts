import Redis from 'ioredis';

/** The Redis database a URL names; the benchmark only clears a numbered one of its own, never db 0. */
function benchRedisDb(redisUrl: string): number {
  const db = Number(new URL(redisUrl).pathname.slice(1) || 0);
  if (!Number.isInteger(db) || db < 1)
    throw new Error(`Refusing to clear queues in Redis db ${db}: give the benchmark its own database, e.g. redis://127.0.0.1:6379/9`);
  return db;
}

/**
 * Removes the BullMQ queues (`bull:*` keys) from the benchmark's Redis database: jobs left by an
 * earlier run point at recordings of a dropped database.
 */
export async function clearBenchQueues(redisUrl: string): Promise<number> {
  benchRedisDb(redisUrl);
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let removed = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'bull:*', 'COUNT', 1000);
      if (keys.length) removed += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    return removed;
  } finally {
    redis.disconnect();
  }
}
