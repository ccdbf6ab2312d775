import { Module } from '@nestjs/common';
import { AccountsModule } from '@callgrade/accounts';
import { AutoScoringModule } from '@callgrade/auto-scoring';
import { AutoScoresController } from './auto-scores/auto-scores.controller';
import { CoreModule } from '@callgrade/core';
import { RecordingsModule } from '@callgrade/recordings';
import { ScorecardsModule } from '@callgrade/scorecards';
import { TranscriptsModule } from '@callgrade/transcripts';
import { QueueDashboard } from './admin/queue-dashboard';
import { EventsGateway } from './events/events.gateway';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthController } from './auth/auth.controller';
import { RecordingsController } from './recordings/recordings.controller';
import { ScorecardsController } from './scorecards/scorecards.controller';
import { ScoringSettingsController } from './scoring-settings/scoring-settings.controller';
import { TeamsController } from './teams/teams.controller';
import { UsersController } from './users/users.controller';

/** The QA API: accounts, teams, API keys, recordings (read side), transcripts, live events. */
@Module({
  imports: [CoreModule, AccountsModule, RecordingsModule, TranscriptsModule, AutoScoringModule, ScorecardsModule],
  providers: [EventsGateway, QueueDashboard],
  controllers: [AutoScoresController, AuthController, UsersController, TeamsController, ApiKeysController, RecordingsController, ScorecardsController, ScoringSettingsController],
})
export class ApiModule {}
