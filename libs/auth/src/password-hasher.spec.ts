import { hashPassword, needsRehash, RECOMMENDED_SCRYPT, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('accepts the password it hashed and refuses another', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt\$16384\$8\$5\$/);
    await expect(verifyPassword('correct horse', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horsf', stored)).resolves.toBe(false);
  });

  it('salts every hash so equal passwords store differently', async () => {
    expect(await hashPassword('same')).not.toEqual(await hashPassword('same'));
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
  });

  it('asks for a rehash of hashes made with weaker or other parameters only', async () => {
    const old = await hashPassword('pw', { N: 16384, r: 8, p: 1 });
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('pw'))).toBe(false);
    expect(needsRehash(old, { N: 16384, r: 8, p: 1 })).toBe(false);
    expect(RECOMMENDED_SCRYPT).toEqual({ N: 16384, r: 8, p: 5 });
  });
});
