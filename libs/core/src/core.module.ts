import { Module } from '@nestjs/common';
import { AuditModule } from '@callgrade/audit';
import { AuthModule } from '@callgrade/auth';
import { ConfigModule } from '@callgrade/config';
import { DatabaseModule } from '@callgrade/database';
import { EventsModule } from '@callgrade/events';
import { QueueModule } from '@callgrade/queue';
import { StorageModule } from '@callgrade/storage';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

/** What every Callgrade process needs: configuration, database, Redis, authentication, audit, storage, health. */
@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule, AuthModule, AuditModule, StorageModule, EventsModule],
  controllers: [HealthController],
  providers: [HealthService],
})
export class CoreModule {}
