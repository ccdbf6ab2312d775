import { fixed, renderTable } from '../support/table';
import { addUsage, Usage } from './process-clock';

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
  const bareTotal = bare?.usage.cpuSeconds ?? NaN;
  const pipeline = variants.find((v) => v.key === 'pipeline');
  const withoutVocabulary = variants.find((v) => v.key === 'pipelineWithoutVocabulary');
  const fixedWork = addUsage(breakdown.pipelinePrepare, breakdown.pipelineTalkFacts);
  const rest = (v: VariantResult | undefined) => (v ? v.usage.cpuSeconds - fixedWork.cpuSeconds : NaN);
  const share = (cpu: number) => `${fixed((100 * cpu) / bareTotal, 1)}%`;
  const breakdownTable = renderTable(
    [{ header: 'step' }, { header: 'CPU s', ...right }, { header: 'wall s', ...right }, { header: 'CPU, % of the bare engine run', ...right }],
    [
      ['bare: sox splits (both channels)', fixed(breakdown.bareSplit.cpuSeconds, 2), fixed(breakdown.bareSplit.wallSeconds, 2), share(breakdown.bareSplit.cpuSeconds)],
      ['bare: pocketsphinx_continuous (both channels)', fixed(breakdown.bareEngine.cpuSeconds, 2), fixed(breakdown.bareEngine.wallSeconds, 2), share(breakdown.bareEngine.cpuSeconds)],
      ['pipeline: ffprobe + ffmpeg split (prepareChannels), alone', fixed(breakdown.pipelinePrepare.cpuSeconds, 2), fixed(breakdown.pipelinePrepare.wallSeconds, 2), share(breakdown.pipelinePrepare.cpuSeconds)],
      ['pipeline: talk facts (measureTalkFactsOfFiles), alone', fixed(breakdown.pipelineTalkFacts.cpuSeconds, 2), fixed(breakdown.pipelineTalkFacts.wallSeconds, 2), share(breakdown.pipelineTalkFacts.cpuSeconds)],
      ['pipeline fixed work minus the bare sox splits', fixed(fixedWork.cpuSeconds - breakdown.bareSplit.cpuSeconds, 2), '', share(fixedWork.cpuSeconds - breakdown.bareSplit.cpuSeconds)],
      ['pipeline no vocabulary: the rest (recognition, segments)', fixed(rest(withoutVocabulary), 2), '', share(rest(withoutVocabulary))],
      ['pipeline with vocabulary: the rest (+ keyword-spotting pass)', fixed(rest(pipeline), 2), '', share(rest(pipeline))],
    ],
  );
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
    'Where the CPU time goes (summed over the same jobs; "the rest" = the run\'s total minus the fixed work probed alone, to be read beside the bare pocketsphinx line):',
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
