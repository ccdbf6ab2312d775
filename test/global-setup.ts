import { Client } from 'pg';
import Redis from 'ioredis';
import { rmSync } from 'node:fs';
import { DataSource } from 'typeorm';
// Global set-up runs outside Jest's module mapping: the libs' own `@callgrade/*` imports resolve through tsconfig paths.
import 'tsconfig-paths/register';
import { dataSourceOptions } from '../libs/database/src/data-source-options';
import { ensureDatabaseExists } from '../libs/database/src/database-server.locator';
import { runMigrations } from '../libs/database/src/migrations.runner';
import { TEST_ENV } from './test-environment';

/** Once per run: a fresh test database with every migration applied, and an empty test Redis db. */
export default async function globalSetup() {
  if (TEST_ENV.NODE_ENV !== 'test') throw new Error('refusing to reset databases outside NODE_ENV=test');
  const url = new URL(TEST_ENV.DATABASE_URL);
  const name = url.pathname.slice(1);
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await ensureDatabaseExists(TEST_ENV.DATABASE_URL);
  const dataSource = await new DataSource(dataSourceOptions(TEST_ENV.DATABASE_URL)).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();

  const redis = new Redis(TEST_ENV.REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
  rmSync(TEST_ENV.STORAGE_DIR, { recursive: true, force: true });
}
