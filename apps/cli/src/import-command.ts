import { Injectable, Logger } from '@nestjs/common';
import { ImportCsvShape, ImportRow, readImportCsv } from './import-csv';
import { ImportOptions } from './import-options';
import { progressOn } from './import-progress';
import { RowImporter } from './import-row';
import { ImportSummary, ImportTally } from './import-summary';
import { ImportUploader } from './import-uploader';

/**
 * Imports every row of a CSV, a few at a time. Each row is independent and the upload path is
 * idempotent, so stopping anywhere (a crash, Ctrl-C) and running again only does what is left.
 */
@Injectable()
export class ImportCommand {
  private readonly logger = new Logger('Import');

  constructor(
    private readonly uploader: ImportUploader,
    private readonly rows: RowImporter,
  ) {}

  async run(options: ImportOptions, csv: ImportCsvShape, signal: AbortSignal): Promise<ImportSummary> {
    const uploader = await this.uploader.resolve(options.as);
    const startedAt = new Date();
    const tally = new ImportTally(csv.rows);
    const progress = progressOn(process.stderr, csv.rows);
    let stoppedBecause: string | undefined;

    const importRow = async (row: ImportRow) => {
      try {
        tally.add(row, await this.rows.import(row, options.dir, uploader));
      } catch (e) {
        this.logger.error(`Line ${row.line} (${row.file}): ${(e as Error).message}`, (e as Error).stack);
        stoppedBecause ??= `unexpected error on line ${row.line} (${row.file}): ${(e as Error).message}`;
        return;
      }
      progress.update(tally.counts());
    };

    const running = new Set<Promise<void>>();
    try {
      for await (const row of readImportCsv(options.csv, csv.columns)) {
        if (stoppedBecause || signal.aborted) break;
        const task: Promise<void> = importRow(row).finally(() => running.delete(task));
        running.add(task);
        if (running.size >= options.concurrency) await Promise.race(running);
      }
    } catch (e) {
      stoppedBecause ??= `the CSV could not be read further: ${(e as Error).message}`;
    } finally {
      await Promise.all(running);
      progress.stop();
    }

    return {
      csv: options.csv,
      dir: options.dir,
      uploader: uploader.email,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      counts: tally.counts(),
      refused: tally.refusedRows(),
      ...(stoppedBecause && { stoppedBecause }),
      ...(signal.aborted && !stoppedBecause && { interrupted: true }),
    };
  }
}
