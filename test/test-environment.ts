import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/callgrade_test';

/** The environment every integration test runs with; real PostgreSQL and Redis on this machine. */
export const TEST_ENV = {
  NODE_ENV: 'test',
  DATABASE_URL,
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/5',
  JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
  // Per test database, so runs against different databases (TEST_DATABASE_URL) never share files.
  STORAGE_DIR: join(tmpdir(), `callgrade-test-storage-${new URL(DATABASE_URL).pathname.slice(1)}`),
  OUTBOX_POLL_MS: '50',
  LOG_LEVEL: 'warn',
  TRANSCRIPTION_WORKER_ENABLED: 'false',
  SCORING_WORKER_ENABLED: 'false',
  SAMPLING_SCHEDULER_ENABLED: 'false',
  COMPLAINT_TIMERS_ENABLED: 'false',
  RETENTION_PURGE_ENABLED: 'false',
  // Many tests log in; the login throttling test sets its own limits.
  LOGIN_ATTEMPTS_PER_ACCOUNT: '100000',
  LOGIN_ATTEMPTS_PER_ADDRESS: '100000',
  // The lowest scrypt cost: tests create many users; the login test checks the rehash to a higher one.
  PASSWORD_HASH_PARALLELISM: '1',
  ADMIN_EMAIL: 'admin@callgrade.test',
  ADMIN_PASSWORD: 'admin-password',
};
