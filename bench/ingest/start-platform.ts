import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Cleanup } from '../support/cleanup';
import { NodeChild } from '../support/child-process';
import { log } from '../support/progress';
import { benchDatabaseBackendPids, dropBenchDatabase, recreateBenchDatabase } from './bench-database';
import { clearBenchQueues } from './bench-redis';
import { UploadTarget } from './upload-target';

export interface PlatformSettings {
  repoRoot: string;
  databaseUrl: string;
  redisUrl: string;
  storageDir: string;
  /** The platform's working directory: a temp dir, so no developer's .env or ./data is picked up. */
  workDir: string;
  maxUploadBytes: number;
  maxRecordingSeconds: number;
  /** Off, the platform only ingests; on, its transcription worker also transcribes what arrives, competing for the CPU. */
  transcriptionWorker: boolean;
  /** Where `node --cpu-prof` writes the platform's profile when it stops; no profile when unset. */
  cpuProfile?: { dir: string; name: string };
}

export interface RunningPlatform extends UploadTarget {
  /** Sent as X-API-Key with every upload. */
  apiKey: string;
  agentExternalId: string;
}

const API = '/api/v1';
const BOOT_TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function callJson<T>(base: URL, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(new URL(`${API}${path}`, base), {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${API}${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function waitForHealth(base: URL, platform: NodeChild): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (platform.hasExited) throw new Error(`${platform.describeExit()} while starting:\n${platform.outputTail()}`);
    try {
      const res = await fetch(new URL(`${API}/health`, base), { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`GET ${API}/health did not answer 200 within ${BOOT_TIMEOUT_MS / 1000} s (last: ${last}):\n${platform.outputTail()}`);
}

/**
 * Starts `node dist/apps/platform/src/main.js` against a fresh benchmark database and empty queues,
 * waits until it is healthy, and prepares what an upload needs: an agent, and an API key issued by
 * the admin.
 */
export async function startPlatform(settings: PlatformSettings, cleanup: Cleanup): Promise<RunningPlatform> {
  log(`platform: recreating database ${new URL(settings.databaseUrl).pathname.slice(1)}`);
  await recreateBenchDatabase(settings.databaseUrl);
  cleanup.add('drop the benchmark database', () => dropBenchDatabase(settings.databaseUrl));
  const stale = await clearBenchQueues(settings.redisUrl);
  if (stale) log(`platform: removed ${stale} queue keys left in ${settings.redisUrl} by an earlier run`);
  cleanup.add('clear the benchmark queues in Redis', () => clearBenchQueues(settings.redisUrl));

  const port = await freePort();
  const admin = { email: 'bench-admin@example.com', password: randomBytes(12).toString('hex') };
  const profile = settings.cpuProfile;
  const platform = NodeChild.start('platform', join(settings.repoRoot, 'dist/apps/platform/src/main.js'), {
    cwd: settings.workDir,
    nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile.dir}`, `--cpu-prof-name=${profile.name}`] : [],
    // A clean environment: nothing from the developer's shell (NODE_OPTIONS, OUTBOX_*, ...) changes what is measured.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: settings.databaseUrl,
      REDIS_URL: settings.redisUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      STORAGE_DIR: settings.storageDir,
      MAX_UPLOAD_BYTES: String(settings.maxUploadBytes),
      MAX_RECORDING_SECONDS: String(settings.maxRecordingSeconds),
      TRANSCRIPTION_WORKER_ENABLED: String(settings.transcriptionWorker),
      LOG_LEVEL: 'warn',
    },
  });
  cleanup.add('stop the platform', () => platform.stop());
  log(`platform: started as pid ${platform.pid} on port ${port}; waiting for ${API}/health`);
  const base = new URL(`http://127.0.0.1:${port}`);
  await waitForHealth(base, platform);

  const { accessToken } = await callJson<{ accessToken: string }>(base, 'POST', '/auth/login', admin);
  const asAdmin = { authorization: `Bearer ${accessToken}` };
  const agentExternalId = `bench-agent-${randomBytes(4).toString('hex')}`;
  await callJson(
    base,
    'POST',
    '/users',
    {
      email: `${agentExternalId}@example.com`,
      displayName: 'Benchmark Agent',
      password: randomBytes(12).toString('hex'),
      role: 'agent',
      externalId: agentExternalId,
    },
    asAdmin,
  );
  const { key } = await callJson<{ key: string }>(base, 'POST', '/api-keys', { name: 'ingest benchmark' }, asAdmin);
  log('platform: healthy; admin logged in, agent and API key created');

  return {
    name: 'platform',
    process: platform,
    url: new URL(`${API}/recordings`, base),
    helperPids: () => benchDatabaseBackendPids(settings.databaseUrl),
    apiKey: key,
    agentExternalId,
  };
}
