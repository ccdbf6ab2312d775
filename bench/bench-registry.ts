import { accuracyBench } from './accuracy/accuracy.bench';
import { complaintsBench } from './complaints/complaints.bench';
import { ingestBench } from './ingest/ingest.bench';
import { samplingDbBench } from './sampling/sampling-db.bench';
import { samplingBench } from './sampling/sampling.bench';
import { scoreBench } from './score/score.bench';
import { soakBench } from './soak/soak.bench';
import { transcribeBench } from './transcribe/transcribe.bench';
import { Benchmark } from './support/benchmark';

/**
 * Every benchmark `npm run bench` knows, run in this order. A new one (transcribe, score, sampling)
 * is a folder beside `ingest/` exporting a `defineBenchmark(...)`, added here.
 */
export const BENCHMARKS: readonly Benchmark[] = [
  ingestBench,
  transcribeBench,
  scoreBench,
  samplingBench,
  samplingDbBench,
  accuracyBench,
  complaintsBench,
  soakBench,
];

/** The benchmarks named on the command line (all when none is); throws on an unknown name. */
export function selectBenchmarks(names: string[]): Benchmark[] {
  if (names.length === 0) return [...BENCHMARKS];
  const unknown = names.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length) throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  return BENCHMARKS.filter((b) => names.includes(b.name));
}
