import { fixed, renderTable } from '../support/table';

/** The targets from the issue, per five-minute transcript scored with the default scorecard on one core. */
export const TARGETS = { minTranscriptsPerSecond: 1000, maxCostOverNaive: 20 } as const;

export interface Round {
  wallMs: number;
  cpuMs: number;
}

export interface MethodResult {
  method: 'auto-score' | 'naive includes';
  transcripts: number;
  rounds: Round[];
  /** Medians over the rounds. */
  perWallSecond: number;
  perCpuSecond: number;
  cpuMsEach: number;
  /** The best round by CPU time, as the old script reported. */
  bestPerCpuSecond: number;
}

export interface LanguageResult {
  language: 'English' | 'Mandarin';
  /** Words (English) or characters (Mandarin) per transcript, averaged. */
  size: string;
  criteria: number;
  scorer: MethodResult;
  naive: MethodResult;
}

export interface TargetCheck {
  target: string;
  value: string;
  met: boolean;
}

/** How many times the naive check's CPU time the matcher costs per transcript. */
export const costOverNaive = (row: LanguageResult) => row.scorer.cpuMsEach / row.naive.cpuMsEach;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export function summarise(method: MethodResult['method'], transcripts: number, rounds: Round[]): MethodResult {
  const cpuMs = median(rounds.map((r) => r.cpuMs));
  return {
    method,
    transcripts,
    rounds,
    perWallSecond: (1000 * transcripts) / median(rounds.map((r) => r.wallMs)),
    perCpuSecond: (1000 * transcripts) / cpuMs,
    cpuMsEach: cpuMs / transcripts,
    bestPerCpuSecond: (1000 * transcripts) / Math.min(...rounds.map((r) => r.cpuMs)),
  };
}

/** Judged on CPU time (median round): the scorer is single-threaded, and other work on a shared machine inflates wall time. */
export function checkTargets(rows: LanguageResult[]): TargetCheck[] {
  return rows.flatMap((row) => [
    {
      target: `${row.language}: auto-score >= ${TARGETS.minTranscriptsPerSecond} five-minute transcripts/s on one core`,
      value: `${row.scorer.perCpuSecond.toFixed(0)}/s CPU (${row.scorer.perWallSecond.toFixed(0)}/s wall)`,
      met: row.scorer.perCpuSecond >= TARGETS.minTranscriptsPerSecond,
    },
    {
      target: `${row.language}: auto-score costs <= ${TARGETS.maxCostOverNaive}x the naive includes check`,
      value: `${costOverNaive(row).toFixed(1)}x`,
      met: costOverNaive(row) <= TARGETS.maxCostOverNaive,
    },
  ]);
}

export function renderScoreReport(title: string, machine: string, rows: LanguageResult[], checks: TargetCheck[], notes: string[]): string {
  const right = { align: 'right' } as const;
  const table = renderTable(
    [
      { header: 'language' },
      { header: 'per transcript' },
      { header: 'method' },
      { header: 'transcripts', ...right },
      { header: 'rounds', ...right },
      { header: 'per s (CPU)', ...right },
      { header: 'per s (wall)', ...right },
      { header: 'best per s (CPU)', ...right },
      { header: 'ms each (CPU)', ...right },
      { header: 'cost vs naive', ...right },
    ],
    rows.flatMap((row) =>
      [row.scorer, row.naive].map((m) => [
        row.language,
        m === row.scorer ? `${row.size}, ${row.criteria} auto criteria` : '',
        m.method,
        String(m.transcripts),
        String(m.rounds.length),
        fixed(m.perCpuSecond, 0),
        fixed(m.perWallSecond, 0),
        fixed(m.bestPerCpuSecond, 0),
        fixed(m.cpuMsEach, m.cpuMsEach < 0.1 ? 4 : 3),
        m === row.scorer ? `${costOverNaive(row).toFixed(1)}x` : '1.0x',
      ]),
    ),
  );
  const targets = renderTable(
    [{ header: 'target (from the issue)' }, { header: 'measured', ...right }, { header: 'result' }],
    checks.map((c) => [c.target, c.value, c.met ? 'met' : 'MISSED']),
  );
  return [title, machine, '', table, '', targets, '', ...notes].join('\n');
}
