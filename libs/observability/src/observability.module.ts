import { MiddlewareConsumer, Module, NestModule, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '@callgrade/config';
import type { Request, Response } from 'express';
import { observeRequests } from './http-metrics.middleware';
import { EVERY_ROUTE, LoggingModule } from './logging.module';
import { callgradeMetrics } from './metrics';
import { metricsAccess } from './metrics-access';

/** Structured logs with request ids, HTTP metrics, and GET /metrics (outside /api/v1, for Prometheus). */
@Module({ imports: [LoggingModule] })
export class ObservabilityModule implements NestModule, OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(observeRequests(callgradeMetrics())).forRoutes(EVERY_ROUTE);
  }

  /** Registered before Nest's not-found handler, which is added after the init hooks. */
  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return;
    http.get('/metrics', (req: Request, res: Response) => {
      const access = metricsAccess(
        {
          authorization: req.headers.authorization,
          remoteAddress: req.socket.remoteAddress,
          proxied: Boolean(req.headers['x-forwarded-for'] ?? req.headers.forwarded),
        },
        this.config.metricsToken,
      );
      if (!access.allowed) {
        res.status(access.status).json({ statusCode: access.status, code: access.status === 401 ? 'unauthenticated' : 'forbidden', message: access.message });
        return;
      }
      callgradeMetrics()
        .render()
        .then(({ contentType, body }) => res.type(contentType).send(body))
        .catch((e: Error) => res.status(500).json({ statusCode: 500, code: 'internal_error', message: e.message }));
    });
  }
}
