import { ExitCode } from './exit-code';
import { ImportRow } from './import-csv';
import { RowOutcome, RowRefusal } from './import-row';

export interface RefusedRow extends RowRefusal {
  line: number;
  file: string;
}

export interface ImportCounts {
  /** Rows finished so far, whatever their outcome. */
  done: number;
  total: number;
  imported: number;
  duplicate: number;
  refused: number;
}

/** What an import did; printed at the end and, with --report, written as JSON. */
export interface ImportSummary {
  csv: string;
  dir: string;
  uploader: string;
  startedAt: string;
  durationMs: number;
  counts: ImportCounts;
  /** Ordered by line. */
  refused: RefusedRow[];
  /** Why the import stopped before the end of the CSV, when it did. */
  stoppedBecause?: string;
  interrupted?: boolean;
}

/** Tallies row outcomes as they arrive (in any order when rows run concurrently). */
export class ImportTally {
  private imported = 0;
  private duplicate = 0;
  private readonly refused: RefusedRow[] = [];

  constructor(private readonly total: number) {}

  add(row: ImportRow, outcome: RowOutcome): void {
    switch (outcome.kind) {
      case 'imported':
        this.imported++;
        break;
      case 'duplicate':
        this.duplicate++;
        break;
      case 'refused':
        this.refused.push({ line: row.line, file: row.file, ...outcome.refusal });
        break;
    }
  }

  counts(): ImportCounts {
    const refused = this.refused.length;
    return { done: this.imported + this.duplicate + refused, total: this.total, imported: this.imported, duplicate: this.duplicate, refused };
  }

  refusedRows(): RefusedRow[] {
    return [...this.refused].sort((a, b) => a.line - b.line);
  }
}

export function exitCodeFor(summary: ImportSummary): ExitCode {
  if (summary.interrupted) return ExitCode.Interrupted;
  if (summary.stoppedBecause) return ExitCode.Failed;
  return summary.refused.length ? ExitCode.RowsRefused : ExitCode.Ok;
}

/** The summary as people read it: counts, then each refused row with its line, file and reason. */
export function formatSummary(summary: ImportSummary): string {
  const { counts } = summary;
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const out = [
    `Import of ${summary.csv} as ${summary.uploader}: ${counts.done} of ${counts.total} rows done in ${seconds} s`,
    `  imported   ${counts.imported}`,
    `  duplicate  ${counts.duplicate}  (already there with the same audio)`,
    `  refused    ${counts.refused}`,
  ];
  if (summary.refused.length) {
    out.push('', 'Refused rows:');
    const width = Math.max(...summary.refused.map((r) => String(r.line).length));
    for (const row of summary.refused) {
      out.push(`  line ${String(row.line).padStart(width)}  ${row.file || '(no file)'}: ${row.message}`);
      // Validation messages already spell out their fields; show the rest (e.g. which file problem).
      for (const [field, problem] of Object.entries(row.errors ?? {})) {
        if (!row.message.includes(`${field} ${problem}`)) out.push(`  ${' '.repeat(width + 5)}    ${field}: ${problem}`);
      }
    }
  }
  if (summary.interrupted) out.push('', `Interrupted after ${counts.done} rows. Run the same command again to import the rest.`);
  else if (summary.stoppedBecause) out.push('', `Stopped early: ${summary.stoppedBecause}. Run the same command again to continue.`);
  else if (summary.refused.length) out.push('', 'Fix the refused rows and run the same command again: rows already imported will come back as duplicates.');
  return `${out.join('\n')}\n`;
}
