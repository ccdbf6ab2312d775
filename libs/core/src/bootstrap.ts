import { INestApplication, Logger, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { AppConfig } from '@callgrade/config';
import { configureApp } from '@callgrade/http';
import { installProcessSafetyNet } from './process-safety-net';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Starts an HTTP app: shared set-up, listen on PORT, and a clear message if start-up fails. */
export async function bootstrapHttpApp(module: Type, title: string): Promise<INestApplication> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const level = (process.env.LOG_LEVEL as LogLevel) ?? 'log';
  const logger = LEVELS.slice(0, Math.max(1, LEVELS.indexOf(level) + 1));
  try {
    const app = await NestFactory.create(module, { logger, bufferLogs: false });
    installProcessSafetyNet(() => app.close());
    const config = app.get(AppConfig);
    configureApp(app, { title, security: config.httpSecurity });
    await app.listen(config.port, config.host);
    new Logger(title).log(`Listening on http://${config.host}:${config.port}/api/v1 (docs at /api/docs)`);
    return app;
  } catch (e) {
    new Logger(title).error((e as Error).message);
    process.exit(1);
  }
}
