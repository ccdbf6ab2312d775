import { Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@callgrade/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { LocatedDatabase, locateDatabase } from './database-server.locator';
import { ENTITIES } from './entities';
import { runMigrations } from './migrations.runner';

const LOCATED_DATABASE = Symbol('LOCATED_DATABASE');

/** Finds (or starts) the PostgreSQL server before TypeORM connects to it. */
@Module({
  providers: [
    {
      provide: LOCATED_DATABASE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        locateDatabase({ databaseUrl: config.databaseUrl, embeddedDir: config.embeddedPostgresDir, embeddedPort: config.embeddedPostgresPort }),
    },
  ],
  exports: [LOCATED_DATABASE],
})
class DatabaseServerModule {}

@Global()
@Module({
  imports: [
    DatabaseServerModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [LOCATED_DATABASE],
      useFactory: (db: LocatedDatabase) => dataSourceOptions(db.url),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(LOCATED_DATABASE) private readonly located: LocatedDatabase,
  ) {}

  async onModuleInit() {
    await runMigrations(this.dataSource);
  }

  async onApplicationShutdown() {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.located.stop();
  }
}
