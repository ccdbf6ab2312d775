import { UserRole } from '@callgrade/database';
import { aUser, TestUser } from './support/builders';
import { startTestApp, TestApp } from './support/test-app';

/** Defect 11: no security headers, CORS open to configuration, docs always on, dashboard cookie not Secure. */
describe('Security headers, CORS and API docs', () => {
  let sut: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    sut = await startTestApp({ CORS_ORIGINS: 'https://qa.example.com, https://wallboard.example.com' });
    admin = await aUser(sut, UserRole.Admin);
  });
  afterAll(() => sut?.close());

  it('sends helmet headers and no X-Powered-By', async () => {
    const res = await sut.http.get('/api/v1/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers CORS for configured origins only', async () => {
    const allowed = await sut.http.options('/api/v1/recordings').set('Origin', 'https://wallboard.example.com').set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://wallboard.example.com');
    const other = await sut.http.options('/api/v1/recordings').set('Origin', 'https://evil.example.com').set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the API docs unless turned off', async () => {
    await sut.http.get('/api/docs-json').expect(200);
    const off = await startTestApp({ API_DOCS_ENABLED: 'false' });
    try {
      await off.http.get('/api/docs-json').expect(404);
    } finally {
      await off.close();
    }
  });

  it('marks the dashboard cookie Secure and SameSite=Strict when served over HTTPS', async () => {
    const token = admin.auth.slice('Bearer '.length);
    const overHttps = await sut.http.get(`/api/v1/admin/queues?token=${token}`).set('X-Forwarded-Proto', 'https');
    expect(overHttps.headers['set-cookie']?.[0]).toMatch(/HttpOnly/);
    expect(overHttps.headers['set-cookie']?.[0]).toMatch(/; Secure/);
    expect(overHttps.headers['set-cookie']?.[0]).toMatch(/SameSite=Strict/);
    const overHttp = await sut.http.get(`/api/v1/admin/queues?token=${token}`);
    expect(overHttp.headers['set-cookie']?.[0]).not.toMatch(/; Secure/);
  });
});
