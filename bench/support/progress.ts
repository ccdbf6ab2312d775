const startedAt = performance.now();

const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1).padStart(6)}s`;

/** One line of progress on stderr, so stdout keeps only the results. */
export function log(message: string): void {
  process.stderr.write(`[bench ${elapsed()}] ${message}\n`);
}

/**
 * Counts finished items of a phase. On a terminal it redraws one line; otherwise (CI, a pipe) it
 * prints a line at every tenth of the way, so logs stay short.
 */
export class Progress {
  private done = 0;
  private lastTenth = 0;
  private readonly interactive = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  tick(): void {
    this.done += 1;
    if (this.interactive) {
      process.stderr.write(`\r[bench ${elapsed()}] ${this.label}: ${this.done}/${this.total}`);
      if (this.done === this.total) process.stderr.write('\n');
      return;
    }
    const tenth = Math.floor((this.done * 10) / this.total);
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      log(`${this.label}: ${this.done}/${this.total}`);
    }
  }
}
