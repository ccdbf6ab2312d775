import { fixed, renderTable } from '../support/table';
import { Usage } from './process-clock';

/** The target from the issue: the platform's pipeline adds less than 10% to what the engine alone costs. */
export const TARGETS = { maxOverheadPercent: 10 } as const;

export type VariantKey = 'bare' | 'pipeline' | 'pipelineWithoutVocabulary';

export const VARIANT_LABELS: Record<VariantKey, string> = {
  bare: 'bare engine (sox + pocketsphinx_continuous per channel)',
  pipeline: 'pipeline, vocabulary Northwind + Priya',
  pipelineWithoutVocabulary: 'pipeline, no vocabulary',
};

export interface VariantResult {
  key: VariantKey;
  jobs: number;
  audioSeconds: number;
  usage: Usage;
  /** Recognised words summed over the calls: left (agent) and right (customer) channel. */
  words: [number, number];
  /** How often "northwind" or "priya" came out, of how often the agent said them. */
  namesHeard: number;
  namesSaid: number;
  /** Per call and round, how much more CPU time this run took than the bare engine on the same call, in percent. */
  pairedCpuOverheadPercent: number[];
}

export interface CallResult {
  round: number;
  title: string;
  customerVoice: string;
  durationSeconds: number;
  /** The order the variants ran in for this call (rotated from call to call). */
  order: VariantKey[];
  usage: Record<VariantKey, Usage>;
}

/** Summed over every job of the real-time-factor runs. */
export interface Breakdown {
  bareSplit: Usage;
  bareEngine: Usage;
  /** Probed alone beside each job (see probePipelineStages). */
  pipelinePrepare: Usage;
  pipelineTalkFacts: Usage;
}

export interface ThroughputResult {
  concurrency: number;
  jobs: number;
  audioSeconds: number;
  usage: Usage;
  jobLatencySeconds: { p50: number; max: number };
}

export interface TargetCheck {
  target: string;
  value: string;
  met: boolean;
}

export const rtf = (seconds: number, audioSeconds: number) => seconds / audioSeconds;

/** How much more the variant costs than the bare engine per audio second, in percent. */
export function overheadPercent(variant: VariantResult, bare: VariantResult, clock: 'wallSeconds' | 'cpuSeconds'): number {
  return (100 * rtf(variant.usage[clock], variant.audioSeconds)) / rtf(bare.usage[clock], bare.audioSeconds) - 100;
}

/** Judged on CPU time, which other work on a shared machine disturbs far less than wall time; wall time is shown beside it. */
export function checkTargets(variants: VariantResult[]): TargetCheck[] {
  const bare = variants.find((v) => v.key === 'bare');
  if (!bare) return [];
  return variants
    .filter((v) => v.key !== 'bare')
    .map((v) => {
      const cpu = overheadPercent(v, bare, 'cpuSeconds');
      const wall = overheadPercent(v, bare, 'wallSeconds');
      return {
        target: `${VARIANT_LABELS[v.key]}: overhead over the bare engine < ${TARGETS.maxOverheadPercent}% (CPU time)`,
        value: `${signed(cpu)}% CPU (${signed(wall)}% wall)`,
        met: cpu < TARGETS.maxOverheadPercent,
      };
    });
}

/** Median and range of a list of percentages. */
function spread(values: number[]): string {
  if (values.length === 0) return '-';
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return `${signed(median)}% (${signed(sorted[0])}..${signed(sorted[sorted.length - 1])})`;
}

const signed = (value: number) => (Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(1)}` : '-');
const right = { align: 'right' } as const;

export interface ReportContext {
  title: string;
  machine: string;
  variants: VariantResult[];
  calls: CallResult[];
  breakdown: Breakdown;
  throughput: ThroughputResult[];
  checks: TargetCheck[];
  notes: string[];
}

export function renderTranscribeReport({ title, machine, variants, calls, breakdown, throughput, checks, notes }: ReportContext): string {
  const bare = variants.find((v) => v.key === 'bare');
  const rtfTable = renderTable(
    [
      { header: 'run' },
      { header: 'jobs', ...right },
      { header: 'audio s', ...right },
      { header: 'wall s', ...right },
      { header: 'CPU s', ...right },
      { header: 'own CPU s', ...right },
      { header: 'child CPU s', ...right },
      { header: 'RTF wall', ...right },
      { header: 'RTF CPU', ...right },
      { header: 'vs bare wall', ...right },
      { header: 'vs bare CPU', ...right },
      { header: 'per call vs bare CPU: median (range)', ...right },
      { header: 'words agent/customer', ...right },
      { header: 'names heard', ...right },
    ],
    variants.map((v) => [
      VARIANT_LABELS[v.key],
      String(v.jobs),
      fixed(v.audioSeconds),
      fixed(v.usage.wallSeconds, 2),
      fixed(v.usage.cpuSeconds, 2),
      fixed(v.usage.ownCpuSeconds, 2),
      fixed(v.usage.childCpuSeconds, 2),
      fixed(rtf(v.usage.wallSeconds, v.audioSeconds), 3),
      fixed(rtf(v.usage.cpuSeconds, v.audioSeconds), 3),
      bare && v.key !== 'bare' ? `${signed(overheadPercent(v, bare, 'wallSeconds'))}%` : '',
      bare && v.key !== 'bare' ? `${signed(overheadPercent(v, bare, 'cpuSeconds'))}%` : '',
      v.key === 'bare' ? '' : spread(v.pairedCpuOverheadPercent),
      `${v.words[0]}/${v.words[1]}`,
      `${v.namesHeard} of ${v.namesSaid}`,
    ]),
  );
  const keys = variants.map((v) => v.key);
  const perCall = renderTable(
    [
      { header: 'round', ...right },
      { header: 'call' },
      { header: 'customer', ...right },
      { header: 'audio s', ...right },
      ...keys.map((key) => ({ header: `${shortLabel(key)} CPU s / wall s`, ...right })),
      { header: 'order' },
    ],
    calls.map((c) => [
      String(c.round),
      c.title,
      c.customerVoice,
      fixed(c.durationSeconds),
      ...keys.map((key) => `${fixed(c.usage[key].cpuSeconds, 2)} / ${fixed(c.usage[key].wallSeconds, 2)}`),
      c.order.map(shortLabel).join(', '),
    ]),
  );
  const breakdownTable = renderBreakdown(variants, breakdown);
  const throughputTable = renderTable(
    [
      { header: 'jobs at once', ...right },
      { header: 'jobs', ...right },
      { header: 'audio s', ...right },
      { header: 'wall s', ...right },
      { header: 'CPU s', ...right },
      { header: 'CPU busy', ...right },
      { header: 'audio s per wall s', ...right },
      { header: 'jobs/min', ...right },
      { header: 'audio s per CPU s', ...right },
      { header: 'job p50 s', ...right },
      { header: 'job max s', ...right },
    ],
    throughput.map((t) => [
      String(t.concurrency),
      String(t.jobs),
      fixed(t.audioSeconds),
      fixed(t.usage.wallSeconds, 2),
      fixed(t.usage.cpuSeconds, 2),
      `${fixed(t.usage.cpuSeconds / t.usage.wallSeconds, 2)} cores`,
      fixed(t.audioSeconds / t.usage.wallSeconds, 2),
      fixed((60 * t.jobs) / t.usage.wallSeconds, 2),
      fixed(t.audioSeconds / t.usage.cpuSeconds, 2),
      fixed(t.jobLatencySeconds.p50, 2),
      fixed(t.jobLatencySeconds.max, 2),
    ]),
  );
  const targets = renderTable(
    [{ header: 'target (from the issue)' }, { header: 'measured', ...right }, { header: 'result' }],
    checks.map((c) => [c.target, c.value, c.met ? 'met' : 'MISSED']),
  );
  return [
    title,
    machine,
    '',
    'Real-time factor (processing seconds per second of call), each call through each run, one job at a time:',
    rtfTable,
    '',
    'Per call:',
    perCall,
    '',
    "Where the CPU time goes (CPU s summed over the same jobs as above; differences in % of the bare engine's total):",
    breakdownTable,
    '',
    `Throughput of the pipeline (with vocabulary) over the same calls:`,
    throughputTable,
    '',
    targets,
    '',
    ...notes,
  ].join('\n');
}

/**
 * The runs' CPU time by kind of work. The bare engine's split and recognition are timed step by step;
 * the pipeline's split (ffprobe + ffmpeg) and talk facts are probed alone beside each job, and its
 * recognition is its children's time minus that split.
 */
function renderBreakdown(variants: VariantResult[], breakdown: Breakdown): string {
  const find = (key: VariantKey) => variants.find((v) => v.key === key);
  const bare = find('bare');
  const pipelines = [find('pipelineWithoutVocabulary'), find('pipeline')].filter((v): v is VariantResult => v !== undefined);
  if (!bare) return '(no bare engine run)';
  // Children only: what this process does around them is in the row of its own time.
  const split = breakdown.pipelinePrepare.childCpuSeconds;
  const rows: { step: string; bare: number; pipeline: (v: VariantResult) => number }[] = [
    { step: 'audio split (bare: sox x2; pipeline: ffprobe + ffmpeg, probed alone)', bare: breakdown.bareSplit.childCpuSeconds, pipeline: () => split },
    {
      step: 'recognition: pocketsphinx (pipeline: its children minus the split)',
      bare: breakdown.bareEngine.childCpuSeconds,
      pipeline: (v) => v.usage.childCpuSeconds - breakdown.pipelinePrepare.childCpuSeconds,
    },
    {
      step: 'this process: spawning, parsing; pipeline: + talk facts, high-band fill (8 kHz), keyword merge, segments',
      bare: bare.usage.ownCpuSeconds,
      pipeline: (v) => v.usage.ownCpuSeconds,
    },
    { step: '  of which talk facts (voice activity), probed alone', bare: NaN, pipeline: () => breakdown.pipelineTalkFacts.cpuSeconds },
    { step: 'total', bare: bare.usage.cpuSeconds, pipeline: (v) => v.usage.cpuSeconds },
  ];
  const percentOfBare = (seconds: number) => (Number.isFinite(seconds) ? `${signed((100 * seconds) / bare.usage.cpuSeconds)}%` : '');
  return renderTable(
    [
      { header: 'CPU s' },
      { header: 'bare', align: 'right' },
      ...pipelines.flatMap((v) => [
        { header: shortLabel(v.key), align: 'right' as const },
        { header: `${shortLabel(v.key)} - bare`, align: 'right' as const },
      ]),
    ],
    rows.map((row) => [
      row.step,
      fixed(row.bare, 2),
      ...pipelines.flatMap((v) => [fixed(row.pipeline(v), 2), Number.isFinite(row.bare) ? percentOfBare(row.pipeline(v) - row.bare) : '']),
    ]),
  );
}

function shortLabel(key: VariantKey): string {
  switch (key) {
    case 'bare':
      return 'bare';
    case 'pipeline':
      return 'pipeline';
    case 'pipelineWithoutVocabulary':
      return 'no vocab';
  }
}
