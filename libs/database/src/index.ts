export * from './data-source-options';
export * from './database-server.locator';
export * from './database.module';
export * from './entities';
export * from './migrations';
export * from './migrations.runner';
export * from './postgres-errors';
