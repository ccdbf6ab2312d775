import { Module } from '@nestjs/common';
import { ApiKeysService } from './api-keys.service';
import { InitialAdminSeeder } from './initial-admin.seeder';
import { LoginService } from './login.service';
import { TeamsService } from './teams.service';
import { UsersService } from './users.service';

@Module({
  providers: [UsersService, TeamsService, ApiKeysService, LoginService, InitialAdminSeeder],
  exports: [UsersService, TeamsService, ApiKeysService, LoginService],
})
export class AccountsModule {}
