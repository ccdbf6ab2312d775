import { ExecutionContext, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerException,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModule,
  type ThrottlerModuleOptions,
  ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AuditLog } from '@callgrade/audit';
import { AppConfig } from '@callgrade/config';
import { redisOptionsFromUrl } from '@callgrade/queue';
import Redis from 'ioredis';
import type { Request, Response } from 'express';

const ACCOUNT = 'account:';
const ADDRESS = 'address:';

const accountOf = (req: Request) => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : '';
};

/**
 * Login attempts counted per account and per client address in Redis (so the limits hold across
 * instances); past either limit, 429 with `Retry-After` until the lockout ends, and the lockout is
 * written to the audit log once, when it begins. If Redis cannot count, logins are let through
 * (passwords are still checked) rather than refused for everyone.
 */
@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  private readonly log = new Logger('LoginThrottle');

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly audit: AuditLog,
  ) {
    super(options, storage, reflector);
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    try {
      return await super.handleRequest(request);
    } catch (e) {
      if (e instanceof ThrottlerException) throw e;
      this.log.warn(`Login attempts cannot be counted (${(e as Error).message}); letting this one through`);
      return true;
    }
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const { req, res } = this.getRequestResponse(context) as { req: Request; res: Response };
    res.setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    if (detail.totalHits === detail.limit + 1) await this.recordLockout(req, detail);
    throw new ThrottlerException(`Too many login attempts; try again in ${Math.max(1, detail.timeToBlockExpire)} s`);
  }

  private async recordLockout(req: Request, detail: ThrottlerLimitDetail) {
    const byAccount = detail.tracker.startsWith(ACCOUNT);
    await this.audit
      .recordAnonymous({
        action: 'login.locked_out',
        resourceType: byAccount ? 'account' : 'address',
        resourceId: detail.tracker.slice(byAccount ? ACCOUNT.length : ADDRESS.length),
        ip: req.ip ?? null,
        details: { attempts: detail.limit, windowSeconds: Math.round(detail.ttl / 1000), lockoutSeconds: detail.timeToBlockExpire },
      })
      .catch((e: Error) => this.log.error(`Could not audit-log a login lockout: ${e.message}`));
  }
}

/** The connection the login counters use, closed with the app. */
@Injectable()
export class LoginThrottleRedis implements OnApplicationShutdown {
  private readonly logger = new Logger('LoginThrottle');
  readonly client: Redis;

  constructor(config: AppConfig) {
    this.client = new Redis({ ...redisOptionsFromUrl(config.redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.client.on('error', (e: Error) => this.logger.debug(`Redis for login throttling: ${e.message}`));
  }

  onApplicationShutdown() {
    this.client.disconnect();
  }
}

@Module({ providers: [LoginThrottleRedis], exports: [LoginThrottleRedis] })
class LoginThrottleRedisModule {}

/**
 * Redis-backed login throttling; `LoginThrottleGuard` goes on the login route. Past a limit every
 * attempt is refused until the lockout ends and, at the earliest, until the window of counted
 * attempts ends.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [LoginThrottleRedisModule],
      inject: [AppConfig, LoginThrottleRedis],
      useFactory: (config: AppConfig, redis: LoginThrottleRedis) => {
        const { perAccount, perAddress, windowMs, lockoutMs } = config.loginThrottle;
        return {
          setHeaders: false,
          throttlers: [
            {
              name: 'login-account',
              limit: perAccount,
              ttl: windowMs,
              blockDuration: lockoutMs,
              getTracker: (req: Record<string, unknown>) => `${ACCOUNT}${accountOf(req as unknown as Request)}`,
            },
            {
              name: 'login-address',
              limit: perAddress,
              ttl: windowMs,
              blockDuration: lockoutMs,
              getTracker: (req: Record<string, unknown>) => `${ADDRESS}${(req as unknown as Request).ip ?? ''}`,
            },
          ],
          storage: new ThrottlerStorageRedisService(redis.client),
        };
      },
    }),
  ],
  providers: [LoginThrottleGuard],
  exports: [LoginThrottleGuard],
})
export class LoginThrottleModule {}
