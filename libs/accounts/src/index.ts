export * from './accounts.module';
export * from './api-keys.service';
export * from './login.service';
export * from './teams.service';
export * from './users.service';
