import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface InstallationSecret {
  secret: string;
  /** True when this call generated it (the first start of this installation). */
  created: boolean;
  /** True when the file was readable by others and its permissions were narrowed to its owner. */
  narrowed: boolean;
}

/**
 * A random secret generated on the first start and kept in a file only its owner can read, so an
 * installation without a configured secret still never signs with a value anyone else knows.
 * Processes sharing the data folder share the secret; the first one to start writes it.
 */
export function readOrCreateInstallationSecret(path: string): InstallationSecret {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let created = false;
  try {
    writeFileSync(path, `${randomBytes(48).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
    created = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const narrowed = (statSync(path).mode & 0o077) !== 0;
  if (narrowed) chmodSync(path, 0o600);
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${path} holds a secret shorter than 32 characters; delete it to have a new one generated, or set JWT_SECRET`);
  return { secret, created, narrowed };
}
