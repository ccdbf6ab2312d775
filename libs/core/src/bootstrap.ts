import { INestApplication, Logger, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { AppConfig } from '@callgrade/config';
import { configureApp } from '@callgrade/http';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { installProcessSafetyNet } from './process-safety-net';
import { quietStartUp, TextLogger } from './start-up-logger';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Starts an HTTP app: shared set-up, listen on PORT, and a clear message if start-up fails. */
export async function bootstrapHttpApp(module: Type, title: string): Promise<INestApplication> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const level = (process.env.LOG_LEVEL as LogLevel) ?? 'log';
  const textLogger = new TextLogger({ logLevels: LEVELS.slice(0, Math.max(1, LEVELS.indexOf(level) + 1)) });
  try {
    // Buffered until the configured logger (text or JSON) is known.
    const app = await NestFactory.create(module, { logger: textLogger, bufferLogs: true });
    installProcessSafetyNet(() => app.close());
    const config = app.get(AppConfig);
    app.useLogger(config.logFormat === 'json' ? quietStartUp(app.get(PinoNestLogger)) : textLogger);
    app.flushLogs();
    configureApp(app, { title, security: config.httpSecurity });
    await app.listen(config.port, config.host);
    new Logger(title).log(readyLine(config));
    return app;
  } catch (e) {
    Logger.flush();
    new Logger(title).error((e as Error).message);
    process.exit(1);
  }
}

/** The last line of the start log: where to go, and who to sign in as. */
function readyLine(config: AppConfig): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${host}:${config.port}`;
  return `Ready on ${base}/api/v1 · API docs ${base}/api/docs · first admin ${config.initialAdmin.email}`;
}
