import { Module } from '@nestjs/common';
import { AccountsModule } from '@callgrade/accounts';
import { CoreModule } from '@callgrade/core';
import { RecordingsModule } from '@callgrade/recordings';
import { TranscriptsModule } from '@callgrade/transcripts';
import { QueueDashboard } from './admin/queue-dashboard';
import { EventsGateway } from './events/events.gateway';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthController } from './auth/auth.controller';
import { RecordingsController } from './recordings/recordings.controller';
import { TeamsController } from './teams/teams.controller';
import { UsersController } from './users/users.controller';

/** The QA API: accounts, teams, API keys, recordings (read side), transcripts, live events. */
@Module({
  imports: [CoreModule, AccountsModule, RecordingsModule, TranscriptsModule],
  providers: [EventsGateway, QueueDashboard],
  controllers: [AuthController, UsersController, TeamsController, ApiKeysController, RecordingsController],
})
export class ApiModule {}
