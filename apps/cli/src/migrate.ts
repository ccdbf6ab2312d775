import { Logger } from '@nestjs/common';
import { AppConfig, validateEnvironment } from '@callgrade/config';
import { dataSourceOptions, locateDatabase, redact, runMigrations } from '@callgrade/database';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { CliLogger, cliLogLevels } from './cli-logger';

/** `npm run migration:run`: applies pending migrations to the database the platform would use. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  Logger.overrideLogger(new CliLogger('Callgrade migrate', { logLevels: cliLogLevels(process.env.LOG_LEVEL) }));
  const config = new AppConfig(validateEnvironment(process.env));
  const database = await locateDatabase({
    databaseUrl: config.databaseUrl,
    embeddedDir: config.embeddedPostgresDir,
    embeddedPort: config.embeddedPostgresPort,
  });
  const dataSource = new DataSource(dataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    const where = redact(database.url);
    if (applied.length === 0) process.stdout.write(`No pending migrations: ${where} is up to date.\n`);
    else
      process.stdout.write(
        `Applied ${applied.length} migration${applied.length > 1 ? 's' : ''} to ${where}:\n${applied.map((name) => `  ${name}\n`).join('')}`,
      );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`Migrations failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
