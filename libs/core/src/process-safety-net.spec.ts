import { spawnSync } from 'node:child_process';

/** Runs a script in a fresh Node process with the safety net installed; its own process, since the net is process-wide. */
function runWithSafetyNet(body: string) {
  const script = `
    const { installProcessSafetyNet } = require('./libs/core/src/process-safety-net');
    installProcessSafetyNet(async () => console.log('closing the app'));
    ${body}`;
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { encoding: 'utf8', timeout: 30_000 });
}

describe('installProcessSafetyNet', () => {
  it('logs a rejection nobody handled and keeps the process running', () => {
    const run = runWithSafetyNet(`
      Promise.reject(new Error('forgotten promise'));
      setTimeout(() => console.log('still serving'), 200);`);
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toContain('forgotten promise');
    expect(run.stdout).toContain('still serving');
  });

  it('closes the app and exits with 1 on an uncaught exception', () => {
    const run = runWithSafetyNet(`
      setTimeout(() => { throw new Error('broken invariant'); }, 10);
      setTimeout(() => console.log('still serving'), 2000);`);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('broken invariant');
    expect(run.stdout).toContain('closing the app');
    expect(run.stdout).not.toContain('still serving');
  });
});
