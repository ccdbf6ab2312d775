import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface PlatformProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything the process printed so far. */
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

/** A free TCP port on this machine (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The one-process platform started from source in a child process, as `npm start` runs it, so a
 * request that crashes the process shows as a dead child instead of taking the test runner down.
 */
export async function startPlatformProcess(env: Record<string, string | undefined> = {}, entry = 'apps/platform/src/main.ts'): Promise<PlatformProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-r', './test/support/exit-with-parent.ts', entry],
    {
      env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the platform exited at start-up:\n${output}`);
    const up = await fetch(`${url}/api/v1/health`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the platform did not answer within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    url,
    port,
    output: () => output,
    alive,
    stop: async () => {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `Bearer <token>` of the admin every test platform seeds (TEST_ENV's ADMIN_EMAIL / ADMIN_PASSWORD). */
export async function seededAdminAuth(url: string, credentials: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  if (res.status !== 200) throw new Error(`logging in as ${credentials.email} answered ${res.status}: ${await res.text()}`);
  return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
}
