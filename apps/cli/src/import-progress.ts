import { Presets, SingleBar } from 'cli-progress';
import { ImportCounts } from './import-summary';

export interface ImportProgress {
  update(counts: ImportCounts): void;
  stop(): void;
}

/** A live bar on a terminal; plain lines when the output goes to a file or a pipe (logs, CI). */
export function progressOn(stream: NodeJS.WriteStream, total: number): ImportProgress {
  return stream.isTTY ? new BarProgress(stream, total) : new LineProgress(stream, total);
}

class BarProgress implements ImportProgress {
  private readonly bar: SingleBar;

  constructor(stream: NodeJS.WriteStream, total: number) {
    this.bar = new SingleBar(
      {
        stream,
        format: 'Importing [{bar}] {value}/{total} | imported {imported} · duplicate {duplicate} · refused {refused} | ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 20,
      },
      Presets.shades_classic,
    );
    this.bar.start(total, 0, { imported: 0, duplicate: 0, refused: 0 });
  }

  update(counts: ImportCounts) {
    this.bar.update(counts.done, { imported: counts.imported, duplicate: counts.duplicate, refused: counts.refused });
  }

  stop() {
    this.bar.stop();
  }
}

/** One line every `every` rows (about twenty lines per import, at least every 100 rows) and at the end. */
class LineProgress implements ImportProgress {
  private readonly started = Date.now();
  private readonly every: number;
  private last = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    total: number,
  ) {
    this.every = Math.min(100, Math.max(1, Math.ceil(total / 20)));
  }

  update(counts: ImportCounts) {
    if (counts.done - this.last < this.every && counts.done < counts.total) return;
    this.last = counts.done;
    const elapsed = Date.now() - this.started;
    const eta = counts.done ? (elapsed / counts.done) * (counts.total - counts.done) : 0;
    this.stream.write(
      `import: ${counts.done}/${counts.total} rows | imported ${counts.imported}, duplicate ${counts.duplicate}, refused ${counts.refused} | elapsed ${clock(elapsed)}, ETA ${clock(eta)}\n`,
    );
  }

  stop() {}
}

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`;
}
