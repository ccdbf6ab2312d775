import { Module } from '@nestjs/common';
import { AuditModule } from '@callgrade/audit';
import { AuthModule } from '@callgrade/auth';
import { ConfigModule } from '@callgrade/config';
import { DatabaseModule } from '@callgrade/database';
import { EventsModule } from '@callgrade/events';
import { QueueModule } from '@callgrade/queue';
import { ObservabilityModule } from '@callgrade/observability';
import { StorageModule } from '@callgrade/storage';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { QueueMetrics } from './queue-metrics.service';

/** What every Callgrade process needs: configuration, database, Redis, authentication, audit, storage, health, logs and metrics. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    QueueModule,
    AuthModule,
    AuditModule,
    StorageModule,
    EventsModule,
    ObservabilityModule,
    TerminusModule.forRoot({ logger: false }),
  ],
  controllers: [HealthController],
  providers: [HealthService, QueueMetrics],
})
export class CoreModule {}
