import { AppConfig } from './app-config.service';
import { EnvironmentError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('fills defaults for a bare environment', () => {
    const sut = validateEnvironment({});
    expect(sut).toMatchObject({ PORT: 3000, REDIS_URL: 'redis://127.0.0.1:6379', OUTBOX_RELAY_ENABLED: true, MAX_RECORDING_SECONDS: 14400 });
    expect(sut.DATABASE_URL).toBeUndefined();
  });

  it('converts numbers and booleans from their text form', () => {
    expect(validateEnvironment({ PORT: '8080', OUTBOX_RELAY_ENABLED: 'false' })).toMatchObject({ PORT: 8080, OUTBOX_RELAY_ENABLED: false });
  });

  it('names every bad variable in one error', () => {
    const attempt = () => validateEnvironment({ PORT: 'eighty', REDIS_URL: 'localhost', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
    expect(attempt).toThrow(EnvironmentError);
    try {
      attempt();
    } catch (e) {
      for (const name of ['PORT', 'REDIS_URL', 'DATABASE_URL', 'JWT_SECRET']) expect((e as Error).message).toContain(name);
    }
  });

  it('requires a real secret and admin password in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET, ADMIN_PASSWORD/);
  });

  it('needs a bucket for S3 storage, and both halves of a key or neither', () => {
    expect(() => validateEnvironment({ STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET/);
    expect(() => validateEnvironment({ STORAGE_DRIVER: 's3', S3_BUCKET: 'calls', S3_ACCESS_KEY_ID: 'id' })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(validateEnvironment({ STORAGE_DRIVER: 's3', S3_BUCKET: 'calls', S3_ENDPOINT: 'http://minio:9000' })).toMatchObject({
      STORAGE_DRIVER: 's3',
      S3_REGION: 'us-east-1',
    });
    expect(() => validateEnvironment({ STORAGE_DRIVER: 'ftp' })).toThrow(/STORAGE_DRIVER/);
  });
});

describe('API docs setting', () => {
  const config = (raw: Record<string, string>) => new AppConfig(validateEnvironment({ JWT_SECRET: 'x'.repeat(32), ADMIN_PASSWORD: 'p', ...raw }));
  it('serves the docs by default, but not in production unless turned on', () => {
    expect(config({}).apiDocsEnabled).toBe(true);
    expect(config({ NODE_ENV: 'production' }).apiDocsEnabled).toBe(false);
    expect(config({ NODE_ENV: 'production', API_DOCS_ENABLED: 'true' }).apiDocsEnabled).toBe(true);
    expect(config({ API_DOCS_ENABLED: 'false' }).apiDocsEnabled).toBe(false);
  });
});
