import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@callgrade/database';
import { Cleanup } from '../support/cleanup';
import { log } from '../support/progress';

/** Only a database whose name says it belongs to a benchmark may be dropped by one. */
const DROPPABLE = /^[a-z_][a-z0-9_]*bench[a-z0-9_]*$/;

/** The database a URL names, checked to be a benchmark's own. */
export function benchDatabaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!DROPPABLE.test(name)) throw new Error(`Refusing to drop and recreate "${name}": a benchmark database name must contain "bench" (e.g. callgrade_bench)`);
  return name;
}

async function onServer<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops the benchmark database if it exists (cutting its connections) and creates it empty. */
export async function recreateBenchDatabase(databaseUrl: string): Promise<void> {
  const name = benchDatabaseName(databaseUrl);
  await onServer(databaseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

export async function dropBenchDatabase(databaseUrl: string): Promise<void> {
  const name = benchDatabaseName(databaseUrl);
  await onServer(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The server processes (backends) of PostgreSQL that serve connections to the benchmark database. */
export async function benchDatabaseBackendPids(databaseUrl: string): Promise<number[]> {
  const name = benchDatabaseName(databaseUrl);
  const { rows } = await onServer(databaseUrl, (client) =>
    client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]),
  );
  return rows.map((r) => r.pid);
}

/**
 * A benchmark's own database, empty and migrated, with a data source on it. The connections close
 * after the run and the database is dropped unless `keepDatabase`.
 */
export async function migratedBenchDatabase(databaseUrl: string, keepDatabase: boolean, cleanup: Cleanup): Promise<DataSource> {
  log(`recreating ${benchDatabaseName(databaseUrl)} and applying the migrations`);
  await recreateBenchDatabase(databaseUrl);
  if (!keepDatabase) cleanup.add('drop the benchmark database', () => dropBenchDatabase(databaseUrl));
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  cleanup.add('close the database connections', () => dataSource.destroy());
  await runMigrations(dataSource);
  return dataSource;
}
