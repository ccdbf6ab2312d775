import { AppConfig, validateEnvironment } from '@callgrade/config';
import { HealthService } from '@callgrade/core';
import { DataSource } from 'typeorm';
import { UserRole } from '@callgrade/database';
import { aUser } from './support/builders';
import { startTestApp, TestApp } from './support/test-app';

describe('Health and API documentation', () => {
  let sut: TestApp;
  beforeAll(async () => (sut = await startTestApp()));
  afterAll(() => sut.close());

  it('reports the database and Redis up, without authentication', async () => {
    const res = await sut.http.get('/api/v1/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { database: { status: 'up' }, redis: { status: 'up' } }, outboxPending: expect.any(Number) });
    expect(res.body.queues.transcription).toMatchObject({
      waiting: expect.any(Number),
      active: expect.any(Number),
      delayed: expect.any(Number),
      failed: expect.any(Number),
    });
    expect(res.body.queues['review-sampling']).toMatchObject({ waiting: expect.any(Number), delayed: expect.any(Number) });
  });

  it('reports an error when Redis does not answer', async () => {
    const config = new AppConfig(validateEnvironment({ ...process.env, REDIS_URL: 'redis://127.0.0.1:1' }));
    const health = new HealthService(sut.get(DataSource), config);
    try {
      const report = await health.check();
      expect(report).toMatchObject({ status: 'error', checks: { database: { status: 'up' }, redis: { status: 'down', error: expect.any(String) } } });
    } finally {
      await health.onApplicationShutdown();
    }
  });

  it('serves the queue dashboard to admins only', async () => {
    const admin = await aUser(sut, UserRole.Admin);
    const agent = await aUser(sut, UserRole.Agent);
    await sut.http.get('/api/v1/admin/queues').expect(401);
    await sut.http.get('/api/v1/admin/queues').set('Authorization', agent.auth).expect(403);
    const page = await sut.http.get(`/api/v1/admin/queues?token=${admin.auth.slice(7)}`).expect(200);
    expect(page.text).toContain('<html');
    const cookie = page.headers['set-cookie'];
    const queues = await sut.http.get('/api/v1/admin/queues/api/queues').set('Cookie', cookie).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      'complaint-deadlines',
      'retention',
      'review-sampling',
      'scoring',
      'transcription',
    ]);
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await sut.http.get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/recordings', '/api/v1/auth/login', '/api/v1/users']));
    await sut.http.get('/api/docs').expect(200);
  });
});
