import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliImportModule } from './cli-import.module';
import { CliLogger, cliLogLevels } from './cli-logger';
import { ExitCode } from './exit-code';
import { ImportCommand } from './import-command';
import { ImportCsvShape, inspectImportCsv } from './import-csv';
import { IMPORT_USAGE, ImportOptions, parseImportArgs } from './import-options';
import { exitCodeFor, formatSummary } from './import-summary';
import { UsageError } from './usage-error';

/** `npm run import -- --dir <folder> --csv <metadata.csv>`: see IMPORT_USAGE. */
async function main(): Promise<ExitCode> {
  if (existsSync('.env')) process.loadEnvFile('.env');

  let options: ImportOptions;
  let csv: ImportCsvShape;
  try {
    const parsed = parseImportArgs(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
    if (parsed === 'help') {
      process.stdout.write(IMPORT_USAGE);
      return ExitCode.Ok;
    }
    options = parsed;
    await checkPaths(options);
    csv = await inspectImportCsv(options.csv);
  } catch (e) {
    return usageError(e);
  }

  const signal = stopOnCtrlC();
  const logger = new CliLogger('Callgrade import', { logLevels: cliLogLevels(process.env.LOG_LEVEL) });
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(CliImportModule, { logger, abortOnError: false });
  } catch (e) {
    logger.error(`Could not start: ${(e as Error).message}`);
    return ExitCode.Failed;
  }
  try {
    const summary = await app.get(ImportCommand).run(options, csv, signal);
    process.stdout.write(formatSummary(summary));
    if (options.report) await writeFile(options.report, `${JSON.stringify(summary, null, 2)}\n`);
    return exitCodeFor(summary);
  } catch (e) {
    return usageError(e);
  } finally {
    await app.close();
  }
}

async function checkPaths(options: ImportOptions): Promise<void> {
  const isDir = (path: string) =>
    stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    );
  if (!(await isDir(options.dir))) throw new UsageError(`--dir ${options.dir} is not a folder`);
  if (options.report && !(await isDir(dirname(options.report)))) throw new UsageError(`--report: the folder ${dirname(options.report)} does not exist`);
}

function usageError(e: unknown): ExitCode {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`Error: ${e.message}\n\n${IMPORT_USAGE}`);
  return ExitCode.Usage;
}

/** The first Ctrl-C lets the files in progress finish and prints the summary; a second one quits at once. */
function stopOnCtrlC(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    controller.abort();
    process.stderr.write('\nStopping once the files in progress are done (Ctrl-C again to quit at once)…\n');
    process.once('SIGINT', () => process.exit(ExitCode.Interrupted));
  });
  return controller.signal;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`Import failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = ExitCode.Failed;
  },
);
