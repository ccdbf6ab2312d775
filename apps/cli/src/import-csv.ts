import { RECORDING_METADATA_FIELDS } from '@callgrade/recordings';
import { CsvError, parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { UsageError } from './usage-error';

/** The column naming each row's audio file, relative to --dir. Every other column is upload metadata. */
export const FILE_COLUMN = 'file';
export const IMPORT_COLUMNS = [FILE_COLUMN, ...RECORDING_METADATA_FIELDS];

export interface ImportRow {
  /** Line of the CSV where the row starts; the header is line 1. */
  line: number;
  /** As written in the CSV (trimmed); empty when the cell is empty. */
  file: string;
  /** The metadata cells that were given, raw, as an upload form would send them. */
  fields: Record<string, string>;
  /** Why the row cannot be read as a recording at all, e.g. a wrong number of cells. */
  problem?: string;
}

export interface ImportCsvShape {
  columns: string[];
  /** Data rows, not counting the header and blank lines. */
  rows: number;
}

interface CsvRecord {
  cells: string[];
  line: number;
}

/**
 * Streams the records of a CSV with the line each starts on. Lines that are empty, or whose cells are
 * all blank (as spreadsheets write them), are skipped.
 */
async function* csvRecords(path: string): AsyncGenerator<CsvRecord> {
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true });
  const source = createReadStream(path);
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  // csv-parse reports the line a record ends on; it starts after the previous one and any empty lines.
  let previousEnd = 0;
  let previousEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
      if (record.every((cell) => cell.trim() === '')) continue;
      yield { cells: record, line };
    }
  } finally {
    // Also when the caller stops early: close the file rather than leave it paused.
    source.destroy();
  }
}

function checkHeader(cells: string[]): string[] {
  const columns = cells.map((c) => c.trim());
  const unknown = columns.filter((c) => !IMPORT_COLUMNS.includes(c));
  if (unknown.length) {
    const named = unknown.map((c) => (c === '' ? '(an empty header cell)' : `"${c}"`)).join(', ');
    throw new UsageError(`The CSV has unknown column${unknown.length > 1 ? 's' : ''} ${named}. Known columns: ${IMPORT_COLUMNS.join(', ')}`);
  }
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length) throw new UsageError(`The CSV names the column${repeated.length > 1 ? 's' : ''} ${[...new Set(repeated)].join(', ')} more than once`);
  if (!columns.includes(FILE_COLUMN)) throw new UsageError(`The CSV has no "${FILE_COLUMN}" column naming each row's audio file (relative to --dir)`);
  return columns;
}

function describeReadError(path: string, e: unknown): UsageError {
  if (e instanceof CsvError) return new UsageError(`${path} is not a CSV this command can read: ${e.message}`);
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UsageError(`The CSV ${path} does not exist`);
  if (code === 'EISDIR') return new UsageError(`The CSV ${path} is a folder, not a file`);
  if (code) return new UsageError(`The CSV ${path} cannot be read (${(e as Error).message})`);
  throw e;
}

/**
 * Reads the whole CSV once before anything is imported: the header must name known columns, the file
 * must parse, and the row count gives the progress bar its total.
 */
export async function inspectImportCsv(path: string): Promise<ImportCsvShape> {
  let columns: string[] | undefined;
  let rows = 0;
  try {
    for await (const { cells } of csvRecords(path)) {
      if (columns) rows++;
      else columns = checkHeader(cells);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw describeReadError(path, e);
  }
  if (!columns) throw new UsageError(`The CSV ${path} is empty: it needs a header row (${IMPORT_COLUMNS.join(', ')}) and one row per recording`);
  return { columns, rows };
}

/** The data rows of a CSV already inspected, one at a time. */
export async function* readImportCsv(path: string, columns: string[]): AsyncGenerator<ImportRow> {
  let header = true;
  for await (const { cells, line } of csvRecords(path)) {
    if (header) {
      header = false;
      continue;
    }
    yield toImportRow(columns, cells, line);
  }
}

export function toImportRow(columns: string[], cells: string[], line: number): ImportRow {
  const row: ImportRow = { line, file: '', fields: {} };
  columns.forEach((column, i) => {
    const value = cells[i];
    if (value === undefined || value.trim() === '') return;
    if (column === FILE_COLUMN) row.file = value.trim();
    else row.fields[column] = value;
  });
  if (cells.length !== columns.length) row.problem = `the row has ${cells.length} cells where the header has ${columns.length}`;
  return row;
}
