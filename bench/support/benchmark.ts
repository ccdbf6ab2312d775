import { Cleanup } from './cleanup';

export type OptionValue = string | number | boolean;
export type BenchOptions = Record<string, OptionValue>;

/** Options are camelCase in code and kebab-case on the command line: bigFileMb is --big-file-mb. */
export type OptionSpecs<O extends BenchOptions> = { [K in keyof O]: { default: O[K]; description: string } };

export interface BenchContext<O extends BenchOptions = BenchOptions> {
  /** The repository root (where package.json is), whatever the working directory. */
  repoRoot: string;
  /** bench/out: git-ignored, for result files and profiles. */
  outDir: string;
  /** Register here everything the run must undo; run.ts undoes it after the benchmark, even on failure. */
  cleanup: Cleanup;
  options: O;
}

export interface BenchOutcome {
  /** What to print on stdout: the results table and the targets. */
  report: string;
  /** Where the results were written as JSON. */
  outFile: string;
  /** False when a target from the issue was missed (the run still succeeded). */
  targetsMet: boolean;
}

/**
 * One benchmark: `npm run bench -- <name>`. It throws when the system under test answered wrongly
 * (a benchmark of a broken path measures nothing), and reports missed targets without failing.
 */
export interface Benchmark<O extends BenchOptions = BenchOptions> {
  name: string;
  summary: string;
  options: OptionSpecs<O>;
  run(context: BenchContext<O>): Promise<BenchOutcome>;
}

export const defineBenchmark = <O extends BenchOptions>(benchmark: Benchmark<O>): Benchmark => benchmark;

export const optionFlag = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
