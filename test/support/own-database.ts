import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureDatabaseExists, runMigrations } from '@callgrade/database';
import { TEST_ENV } from '../test-environment';

export interface OwnDatabase {
  url: string;
  destroy(): Promise<void>;
}

/**
 * A fresh database with every migration applied, for a test whose subject scans the whole database
 * (a reconciler, a sweep) and must not see other test files' rows.
 */
export async function startOwnDatabase(suffix: string): Promise<OwnDatabase> {
  const url = new URL(TEST_ENV.DATABASE_URL);
  url.pathname = `${url.pathname}_${suffix}`;
  const name = url.pathname.slice(1);
  await dropDatabase(url, name);
  await ensureDatabaseExists(url.toString());
  const dataSource = await new DataSource(dataSourceOptions(url.toString())).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  return { url: url.toString(), destroy: () => dropDatabase(url, name) };
}

async function dropDatabase(url: URL, name: string): Promise<void> {
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
