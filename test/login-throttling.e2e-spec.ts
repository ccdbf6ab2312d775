import { UserRole } from '@callgrade/database';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { aUser, TestUser } from './support/builders';
import { OwnRedis, startOwnRedis } from './support/own-redis';
import { startTestApp, TestApp } from './support/test-app';

const LIMITS = { LOGIN_ATTEMPTS_PER_ACCOUNT: '5', LOGIN_ATTEMPTS_PER_ADDRESS: '8', LOGIN_WINDOW_SECONDS: '8', LOGIN_LOCKOUT_SECONDS: '8' };

/** Defect 8: 40 wrong passwords in 2 s were all answered 401. */
describe('Login throttling', () => {
  let redis: OwnRedis;
  let sut: TestApp;
  let other: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    // Its own Redis: a lockout of this machine's address must not touch other tests' logins.
    redis = await startOwnRedis();
    sut = await startTestApp({ ...LIMITS, REDIS_URL: redis.url });
    other = await startTestApp({ ...LIMITS, REDIS_URL: redis.url });
    user = await aUser(sut, UserRole.QaSupervisor);
  });
  afterAll(async () => {
    await sut?.close();
    await other?.close();
    await redis?.destroy();
  });
  beforeEach(() => redis.client().flushdb());

  const login = (app: TestApp, email: string, password: string) => app.http.post('/api/v1/auth/login').send({ email, password });
  const lockouts = (resourceId: string) =>
    sut
      .get(DataSource)
      .query(`SELECT actor_type, actor_id, action, resource_type, details FROM audit_events WHERE action = 'login.locked_out' AND resource_id = $1`, [
        resourceId,
      ]);

  it('locks an account out after 5 attempts with 429 and Retry-After, even for the right password, and audit-logs the lockout once', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await login(sut, user.email, 'wrong-password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);

    const refused = await login(sut, user.email.toUpperCase(), user.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(8);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'too_many_requests', message: expect.stringContaining('Too many login attempts') });
    expect(await lockouts(user.email)).toEqual([
      {
        actor_type: 'anonymous',
        actor_id: null,
        action: 'login.locked_out',
        resource_type: 'account',
        details: { attempts: 5, windowSeconds: 8, lockoutSeconds: 8 },
      },
    ]);

    const lockoutEnds = Date.now() + Number(refused.headers['retry-after']) * 1000;
    await new Promise((r) => setTimeout(r, lockoutEnds - Date.now() + 200));
    expect((await login(sut, user.email, user.password)).status).toBe(200);
  });

  it('holds across instances sharing Redis', async () => {
    for (let i = 0; i < 5; i++) await login(sut, user.email, 'wrong-password').expect(401);
    await login(other, user.email, user.password).expect(429);
  });

  it('limits attempts from one address whatever accounts they name', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await login(sut, `nobody-${randomUUID()}@callgrade.test`, 'guess')).status);
    expect(statuses).toEqual([...Array(8).fill(401), 429]);
    const blocked = await login(sut, user.email, user.password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const [address] = await sut
      .get(DataSource)
      .query(`SELECT resource_id FROM audit_events WHERE action = 'login.locked_out' AND resource_type = 'address' ORDER BY id DESC LIMIT 1`);
    expect(address.resource_id).toMatch(/127\.0\.0\.1|::1/);
  });

  it('lets logins through, passwords still checked, when Redis cannot count them', async () => {
    await redis.stop();
    try {
      await login(sut, user.email, 'wrong-password').expect(401);
      await login(sut, user.email, user.password).expect(200);
    } finally {
      await redis.start();
    }
  });
});
