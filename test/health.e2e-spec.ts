import { AppConfig, validateEnvironment } from '@callgrade/config';
import { HealthService } from '@callgrade/core';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/test-app';

describe('Health and API documentation', () => {
  let sut: TestApp;
  beforeAll(async () => (sut = await startTestApp()));
  afterAll(() => sut.close());

  it('reports the database and Redis up, without authentication', async () => {
    const res = await sut.http.get('/api/v1/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('reports an error when Redis does not answer', async () => {
    const config = new AppConfig(validateEnvironment({ ...process.env, REDIS_URL: 'redis://127.0.0.1:1' }));
    const health = new HealthService(sut.get(DataSource), config);
    try {
      const report = await health.check();
      expect(report).toMatchObject({ status: 'error', checks: { database: { status: 'up' }, redis: { status: 'down', error: expect.any(String) } } });
    } finally {
      health.onApplicationShutdown();
    }
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await sut.http.get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/recordings', '/api/v1/auth/login', '/api/v1/users']));
    await sut.http.get('/api/docs').expect(200);
  });
});
