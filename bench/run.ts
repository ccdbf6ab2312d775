import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, ParseArgsConfig } from 'node:util';
import { BENCHMARKS, selectBenchmarks } from './bench-registry';
import { Benchmark, BenchOptions, optionFlag } from './support/benchmark';
import { Cleanup } from './support/cleanup';
import { log } from './support/progress';

// dist/bench/run.js -> the repository root
const REPO_ROOT = resolve(__dirname, '..', '..');
const OUT_DIR = join(REPO_ROOT, 'bench', 'out');

type CliOptions = NonNullable<ParseArgsConfig['options']>;

function cliOptions(): CliOptions {
  const options: CliOptions = { help: { type: 'boolean', short: 'h' } };
  for (const bench of BENCHMARKS) {
    for (const [name, spec] of Object.entries(bench.options)) {
      options[optionFlag(name)] ??= { type: typeof spec.default === 'boolean' ? 'boolean' : 'string' };
    }
  }
  return options;
}

function optionsFor(bench: Benchmark, given: Record<string, string | boolean | (string | boolean)[] | undefined>): BenchOptions {
  const resolved: BenchOptions = {};
  for (const [name, spec] of Object.entries(bench.options)) {
    const raw = given[optionFlag(name)];
    if (raw === undefined || Array.isArray(raw)) resolved[name] = spec.default;
    else if (typeof spec.default === 'number') {
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new Error(`--${optionFlag(name)} must be a number, not "${String(raw)}"`);
      resolved[name] = value;
    } else resolved[name] = typeof spec.default === 'boolean' ? Boolean(raw) : String(raw);
  }
  return resolved;
}

function usage(): string {
  const lines = ['Usage: npm run bench -- [name...] [--option=value...]', '', 'Benchmarks (all run when none is named):'];
  for (const bench of BENCHMARKS) {
    lines.push(`  ${bench.name}: ${bench.summary}`);
    const flags = Object.entries(bench.options).map(([name, spec]) => ({
      flag: `--${optionFlag(name)}${typeof spec.default === 'boolean' ? '' : `=${String(spec.default)}`}`,
      description: spec.description,
    }));
    const width = Math.max(...flags.map((f) => f.flag.length));
    for (const { flag, description } of flags) lines.push(`    ${flag.padEnd(width)}  ${description}`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: cliOptions(), allowPositionals: true, strict: true });
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const selected = selectBenchmarks(positionals);
  mkdirSync(OUT_DIR, { recursive: true });

  const cleanup = new Cleanup();
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // Once: a second Ctrl-C kills at once (the children then exit on their own, see child-guard).
    process.once(signal, () => {
      interrupted = true;
      log(`${signal}: stopping and cleaning up (again to quit at once)`);
      void cleanup.runAll().finally(() => process.exit(130));
    });
  }

  let failures = 0;
  for (const bench of selected) {
    if (interrupted) break;
    log(`${bench.name}: ${bench.summary}`);
    try {
      const outcome = await bench.run({ repoRoot: REPO_ROOT, outDir: OUT_DIR, cleanup, options: optionsFor(bench, values) });
      if (interrupted) break;
      process.stdout.write(`\n${outcome.report}\n\nResults written to ${outcome.outFile}\n`);
      if (!outcome.targetsMet) log(`${bench.name}: some targets were missed (see the table)`);
    } catch (e) {
      failures += 1;
      if (!interrupted) process.stderr.write(`\n${bench.name} FAILED: ${(e as Error).message}\n`);
    } finally {
      log(`${bench.name}: cleaning up`);
      await cleanup.runAll();
    }
  }
  if (interrupted) return 130;
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    process.stderr.write(`${e.message}\n\n${usage()}\n`);
    process.exit(2);
  },
);
