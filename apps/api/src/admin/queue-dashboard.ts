import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { CredentialsService } from '@callgrade/auth';
import { AppConfig } from '@callgrade/config';
import { UserRole } from '@callgrade/database';
import { API_PREFIX } from '@callgrade/http';
import { QueueName, redisOptionsFromUrl } from '@callgrade/queue';
import { Queue } from 'bullmq';
import type { Application, NextFunction, Request, Response, Router } from 'express';

export const QUEUE_DASHBOARD_PATH = `/${API_PREFIX}/admin/queues`;
const COOKIE = 'callgrade_dashboard_token';

/**
 * Bull Board for admins at /api/v1/admin/queues. A browser cannot send a bearer header, so the first
 * visit passes `?token=<access token>`, which is kept in an http-only cookie scoped to this path.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit, OnApplicationShutdown {
  private readonly queues: Queue[] = [];
  private readonly logger = new Logger(QueueDashboard.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly credentials: CredentialsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    const instance = this.adapterHost.httpAdapter?.getInstance?.<Application | undefined>();
    if (!instance?.use) return;
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
    for (const name of Object.values(QueueName)) {
      this.queues.push(new Queue(name, { connection: { ...redisOptionsFromUrl(this.config.redisUrl), enableOfflineQueue: false } }));
    }
    this.queues.forEach((q) => q.on('error', () => undefined));
    createBullBoard({ queues: this.queues.map((q) => new BullMQAdapter(q)), serverAdapter });
    const guard = (req: Request, res: Response, next: NextFunction) => {
      this.authorize(req, res, next).catch((e: unknown) => {
        this.logger.error('Queue dashboard authorisation failed', e instanceof Error ? e.stack : String(e));
        if (!res.headersSent)
          res.status(503).json({ statusCode: 503, code: 'service_unavailable', message: 'The queue dashboard cannot check your token right now; try again' });
      });
    };
    instance.use(QUEUE_DASHBOARD_PATH, guard, serverAdapter.getRouter() as Router);
  }

  private async authorize(req: Request, res: Response, next: NextFunction) {
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    const fromHeader = req.header('authorization')?.replace(/^Bearer /, '');
    const fromCookie = (req.header('cookie') ?? '')
      .split(/;\s*/)
      .find((c) => c.startsWith(`${COOKIE}=`))
      ?.slice(COOKIE.length + 1);
    const token = fromQuery ?? fromHeader ?? (fromCookie && decodedOrNull(fromCookie));
    const user = token ? await this.credentials.userFromAccessToken(token) : null;
    if (!user) {
      res.status(401).json({ statusCode: 401, code: 'unauthenticated', message: `Open ${QUEUE_DASHBOARD_PATH}?token=<access token of an admin>` });
      return;
    }
    if (user.role !== UserRole.Admin) {
      res.status(403).json({ statusCode: 403, code: 'forbidden', message: 'The queue dashboard is for admins' });
      return;
    }
    // Secure over HTTPS (directly, or behind a proxy that says so), so the token never travels in clear.
    const https = req.secure || req.header('x-forwarded-proto') === 'https';
    if (fromQuery) res.cookie(COOKIE, fromQuery, { httpOnly: true, sameSite: 'strict', secure: https, path: QUEUE_DASHBOARD_PATH });
    next();
  }

  async onApplicationShutdown() {
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
  }
}

/** Cookie values are URL-encoded when set; a forged one may not decode at all. */
function decodedOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
