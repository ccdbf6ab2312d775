import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOrCreateInstallationSecret } from './installation-secret';

describe('readOrCreateInstallationSecret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a long random secret on first use, readable by its owner only, and returns the same one afterwards', () => {
    const path = join(dir, 'data', 'jwt-secret');
    const first = readOrCreateInstallationSecret(path);
    expect(first.created).toBe(true);
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readOrCreateInstallationSecret(path)).toEqual({ secret: first.secret, created: false, narrowed: false });
  });

  it('gives each installation its own secret', () => {
    expect(readOrCreateInstallationSecret(join(dir, 'a')).secret).not.toBe(readOrCreateInstallationSecret(join(dir, 'b')).secret);
  });

  it('narrows a secret file others could read to its owner', () => {
    const path = join(dir, 'jwt-secret');
    writeFileSync(path, 'x'.repeat(40));
    chmodSync(path, 0o644);
    expect(readOrCreateInstallationSecret(path)).toEqual({ secret: 'x'.repeat(40), created: false, narrowed: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses a secret file holding too short a secret', () => {
    const path = join(dir, 'jwt-secret');
    writeFileSync(path, 'short');
    expect(() => readOrCreateInstallationSecret(path)).toThrow('shorter than 32 characters');
  });
});
