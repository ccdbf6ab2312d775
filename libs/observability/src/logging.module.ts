import { Module, RequestMethod } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { LoggerModule, Params } from 'nestjs-pino';
import { currentRequestContext, requestIdOf } from './request-context';

/** Every route, in the path syntax of Express 5 (Nest would warn about, and convert, a bare `*`). */
export const EVERY_ROUTE = { path: '{*path}', method: RequestMethod.ALL };

/** Nest's levels in pino's words. */
const PINO_LEVELS = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' } as const;

/** Requests that probes repeat every few seconds: not worth a log line each. */
const QUIET_PATHS = ['/api/v1/health', '/metrics'];

/**
 * Structured logs (pino): one JSON object a line, each with the `requestId` of the request that caused
 * it, in HTTP handlers and in the jobs the request enqueued alike. Secrets in headers are never written.
 */
export function loggingParams(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): Params {
  return {
    forRoutes: [EVERY_ROUTE],
    pinoHttp: {
      // In text mode Nest's own logger prints; pino stays quiet so nothing is printed twice.
      level: config.logFormat === 'json' ? PINO_LEVELS[config.logLevel] : 'silent',
      genReqId: (req) => requestIdOf(req),
      customAttributeKeys: { reqId: 'requestId' },
      quietReqLogger: true,
      // Inside an HTTP request the request logger carries the id already; jobs get it from here.
      mixin: () => {
        const context = currentRequestContext();
        return context?.source === 'job' ? { requestId: context.requestId } : {};
      },
      autoLogging: { ignore: (req) => QUIET_PATHS.some((path) => req.url?.startsWith(path)) },
      redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      serializers: {
        // The query string may hold a one-time token (the queue dashboard's ?token=): log the path only.
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      formatters: { level: (label) => ({ level: label }) },
    },
  };
}

@Module({
  imports: [LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => loggingParams(config) })],
})
export class LoggingModule {}
