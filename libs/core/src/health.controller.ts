import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { Public } from '@callgrade/auth';
import type { Response } from 'express';
import { DependencyHealth, HealthReport, HealthService } from './health.service';

/** Terminus' result (`info`, `error`, `details`) and, as before, `checks` with the queue backlog. */
export type HealthResponse = HealthReport & Omit<HealthCheckResult, 'status'>;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly terminus: HealthCheckService,
    private readonly health: HealthService,
  ) {}

  @Get()
  @Public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ description: 'Database and Redis answer; queue depths and the outbox backlog' })
  @ApiServiceUnavailableResponse({ description: 'Database or Redis is down (or the process is shutting down)' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    let result: HealthCheckResult;
    try {
      result = await this.terminus.check([() => this.health.database(), () => this.health.redisPing()]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      result = e.getResponse() as HealthCheckResult;
    }
    const database = result.details.database as DependencyHealth;
    const redis = result.details.redis as DependencyHealth;
    const backlog = await this.health.backlog({ database: database.status === 'up', redis: redis.status === 'up' });
    res.status(result.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { ...result, status: result.status === 'ok' ? 'ok' : 'error', checks: { database, redis }, ...backlog };
  }
}
