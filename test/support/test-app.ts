import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CredentialsService } from '@callgrade/auth';
import { AppConfig, Environment, validateEnvironment } from '@callgrade/config';
import { configureApp } from '@callgrade/http';
import request from 'supertest';
import { PlatformModule } from '../../apps/platform/src/platform.module';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  get<T>(token: new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/** Boots the whole platform against the test database and Redis, with optional configuration changes. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [PlatformModule] })
    .overrideProvider(Environment)
    .useValue(validateEnvironment({ ...process.env, ...env }))
    .compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: ['error', 'warn'] }), {
    title: 'Callgrade test',
    security: moduleRef.get(AppConfig).httpSecurity,
  });
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    get: (token) => app.get(token),
    close: () => app.close(),
  };
}

export async function bearerFor(app: TestApp, user: { id: string; role: string }): Promise<string> {
  return `Bearer ${await app.get(CredentialsService).issueAccessToken(user as never)}`;
}
