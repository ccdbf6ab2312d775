import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './usage-error';

export interface ImportOptions {
  /** Absolute; the CSV's `file` column is relative to it. */
  dir: string;
  /** Absolute path of the metadata CSV. */
  csv: string;
  /** Email of the admin or QA supervisor recorded as uploader; the first admin when absent. */
  as?: string;
  concurrency: number;
  /** Absolute path to write the summary to as JSON. */
  report?: string;
}

export const MAX_CONCURRENCY = 16;
const DEFAULT_CONCURRENCY = 2;

export const IMPORT_USAGE = `Usage: npm run import -- --dir <folder> --csv <metadata.csv> [--as <email>] [--concurrency <n>] [--report <file.json>]

Imports recordings in bulk, each through the same checks as an upload.

  --dir <folder>       the folder holding the audio files
  --csv <file>         one row per recording, with a header row. Columns: file (path relative to --dir),
                       externalId, agentId or agentExternalId, startedAt, direction, and optionally
                       channelLayout, queue, customerNumber, tags (a JSON object). Empty cells mean "not given".
  --as <email>         the admin or QA supervisor recorded as uploader (default: the first admin)
  --concurrency <n>    files processed at once, 1-${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY})
  --report <file>      also write the summary as JSON
  --help               show this text

Running the same command again is safe: rows already imported come back as duplicates.
Exit codes: 0 every row imported or already there; 1 some rows refused; 2 usage error (nothing imported);
3 could not start or stopped early, and 130 interrupted (run again to continue).
`;

/**
 * Reads the command line. Relative paths are taken from the directory the command was typed in:
 * `npm run` moves to the package root but leaves that directory in INIT_CWD.
 */
export function parseImportArgs(argv: string[], cwd: string): ImportOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        dir: { type: 'string' },
        csv: { type: 'string' },
        as: { type: 'string' },
        concurrency: { type: 'string' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return 'help';

  const text = (name: string): string | undefined => {
    const value = values[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a value`);
    return value.trim();
  };
  const dir = text('dir');
  const csv = text('csv');
  const missing = [!dir && '--dir', !csv && '--csv'].filter(Boolean);
  if (missing.length) throw new UsageError(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required`);

  const concurrencyText = text('concurrency') ?? String(DEFAULT_CONCURRENCY);
  const concurrency = Number(concurrencyText);
  if (!/^\d+$/.test(concurrencyText) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not ${concurrencyText}`);
  }
  const report = text('report');
  return { dir: resolve(cwd, dir!), csv: resolve(cwd, csv!), as: text('as'), concurrency, report: report && resolve(cwd, report) };
}
