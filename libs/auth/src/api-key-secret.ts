import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PATTERN = /^cgk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedApiKey {
  prefix: string;
  secret: string;
  /** What the client sends: `cgk_<prefix>_<secret>`. */
  token: string;
  secretHash: string;
}

// The secret is 256 random bits, so a fast hash is safe here, unlike for passwords.
export const hashApiKeySecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function generateApiKey(): GeneratedApiKey {
  const prefix = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { prefix, secret, token: `cgk_${prefix}_${secret}`, secretHash: hashApiKeySecret(secret) };
}

export function parseApiKey(token: string): { prefix: string; secret: string } | null {
  const m = PATTERN.exec(token.trim());
  return m ? { prefix: m[1], secret: m[2] } : null;
}

export function apiKeySecretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKeySecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
