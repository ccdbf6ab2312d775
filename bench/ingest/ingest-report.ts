import { fixed, renderTable } from '../support/table';
import { Measurement } from './measure-workload';
import { Workload } from './workloads';

/** The targets from the issue: the upload path keeps up with the disk and streams big files. */
export const TARGETS = { minThroughputRatio: 0.7, maxBigFileRssGrowthMb: 100 } as const;

export interface TargetCheck {
  target: string;
  value: string;
  met: boolean;
}

const find = (results: Measurement[], workload: Workload['key'], server: Measurement['server']) =>
  results.find((m) => m.workload === workload && m.server === server);

/** Platform MB/s over baseline MB/s for a workload (the same ratio as for uploads/s: same bytes). */
export function throughputRatio(results: Measurement[], workload: Workload['key']): number | undefined {
  const platform = find(results, workload, 'platform');
  const baseline = find(results, workload, 'baseline');
  return platform && baseline ? platform.mbPerSecond / baseline.mbPerSecond : undefined;
}

export function checkTargets(results: Measurement[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const key of ['a', 'b'] as const) {
    const ratio = throughputRatio(results, key);
    if (ratio !== undefined) {
      checks.push({
        target: `(${key}) platform throughput >= ${TARGETS.minThroughputRatio} x baseline`,
        value: `${ratio.toFixed(2)} x`,
        met: ratio >= TARGETS.minThroughputRatio,
      });
    }
  }
  const big = find(results, 'b', 'platform');
  if (big) {
    checks.push({
      target: `(b) platform RSS growth < ${TARGETS.maxBigFileRssGrowthMb} MB`,
      value: `${big.memory.growthMb.toFixed(1)} MB`,
      met: big.memory.growthMb < TARGETS.maxBigFileRssGrowthMb,
    });
  }
  return checks;
}

export interface ReportContext {
  workloads: Workload[];
  results: Measurement[];
  checks: TargetCheck[];
  machine: string;
  notes: string[];
}

export function renderIngestReport({ workloads, results, checks, machine, notes }: ReportContext): string {
  const rows = results.map((m) => {
    const ratio = m.server === 'platform' ? throughputRatio(results, m.workload) : undefined;
    return [
      `(${m.workload})`,
      m.server,
      String(m.uploads),
      fixed(m.uploadsPerSecond, m.uploadsPerSecond < 10 ? 3 : 1),
      fixed(m.mbPerSecond),
      ratio === undefined ? '' : `${ratio.toFixed(2)} x`,
      fixed(m.memory.beforeMb),
      fixed(m.memory.peakMb),
      fixed(m.memory.growthMb),
      fixed(m.serverCpuSeconds, 2),
      fixed(m.serverMainThreadCpuSeconds, 2),
      fixed(m.helperCpuSeconds, 2),
      fixed(m.clientCpuSeconds, 2),
      fixed(m.seconds, 2),
      fixed(m.latencyMs.p50, 0),
      fixed(m.latencyMs.p95, 0),
    ];
  });
  const right = { align: 'right' } as const;
  const table = renderTable(
    [
      { header: 'workload' },
      { header: 'server' },
      { header: 'uploads', ...right },
      { header: 'uploads/s', ...right },
      { header: 'MB/s', ...right },
      { header: 'platform/baseline', ...right },
      { header: 'RSS before MB', ...right },
      { header: 'peak RSS MB', ...right },
      { header: 'RSS growth MB', ...right },
      { header: 'server CPU s', ...right },
      { header: 'main thread s', ...right },
      { header: 'db CPU s', ...right },
      { header: 'client CPU s', ...right },
      { header: 'wall s', ...right },
      { header: 'p50 ms', ...right },
      { header: 'p95 ms', ...right },
    ],
    rows,
  );
  const targets = renderTable(
    [{ header: 'target (from the issue)' }, { header: 'measured', align: 'right' }, { header: 'result' }],
    checks.map((c) => [c.target, c.value, c.met ? 'met' : 'MISSED']),
  );
  return [
    'Ingest: the platform upload path vs a bare Node http server piping the request body to a file',
    machine,
    ...workloads.map((w) => `(${w.key}) ${w.title}`),
    '',
    table,
    '',
    targets,
    '',
    ...notes,
  ].join('\n');
}
