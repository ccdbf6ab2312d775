import { Module } from '@nestjs/common';
import { AccountsModule } from '@callgrade/accounts';
import { CoreModule } from '@callgrade/core';
import { RecordingsModule } from '@callgrade/recordings';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthController } from './auth/auth.controller';
import { RecordingsController } from './recordings/recordings.controller';
import { TeamsController } from './teams/teams.controller';
import { UsersController } from './users/users.controller';

/** The QA API: accounts, teams, API keys, recordings (read side). */
@Module({
  imports: [CoreModule, AccountsModule, RecordingsModule],
  controllers: [AuthController, UsersController, TeamsController, ApiKeysController, RecordingsController],
})
export class ApiModule {}
