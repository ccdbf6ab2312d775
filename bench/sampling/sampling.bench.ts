import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { CandidateCall, ReviewSample, SamplingPlan, selectReviewSample } from '@callgrade/sampling';
import { createSeededRandom } from '@callgrade/statistics';
import { defineBenchmark, optionFlag } from '../support/benchmark';
import { log, Progress } from '../support/progress';
import { fixed, renderTable } from '../support/table';

type SamplingOptions = {
  candidates: number;
  agents: number;
  draws: number;
  dates: boolean;
  grouped: boolean;
};

const PERIOD_START = Date.UTC(2025, 0, 1);
const PERIOD_END = Date.UTC(2025, 1, 1);
const QUOTA_PER_AGENT = 8;

/** A month of candidates for the review sample, as the database would list them, built in memory. */
function syntheticCalls(options: SamplingOptions): CandidateCall[] {
  const random = createSeededRandom('sampler-bench');
  const agentIds = Array.from({ length: options.agents }, (_, i) => `agent-${String(i).padStart(5, '0')}`);
  return Array.from({ length: options.candidates }, (_, i): CandidateCall => {
    const startedAt = PERIOD_START + Math.floor(random.next() * (PERIOD_END - PERIOD_START));
    return {
      id: `call-${i.toString(36)}-${random.nextUint32().toString(36)}`,
      agentId: agentIds[options.grouped ? Math.floor((i * options.agents) / options.candidates) : random.nextInt(options.agents)],
      startedAt: options.dates ? new Date(startedAt) : startedAt,
      durationSec: 10 + random.nextInt(900),
      autoScore: random.next() < 0.9 ? random.nextInt(101) : null,
      criticalAutoFailure: random.next() < 0.01,
      hasComplaint: random.next() < 0.002,
      csat: random.next() < 0.3 ? 1 + random.nextInt(5) : null,
    };
  });
}

/** Quota 8 a month, five targeted rules, one call in 200 already evaluated. */
function monthlyPlan(calls: CandidateCall[]): SamplingPlan {
  return {
    seed: 'plan-2025-01',
    periodStart: PERIOD_START,
    periodEnd: PERIOD_END,
    quotaPerAgent: QUOTA_PER_AGENT,
    minDurationSec: 30,
    excludeCallIds: calls.filter((_, i) => i % 200 === 0).map((call) => call.id),
    targetedRules: [
      { id: 'critical', kind: 'critical_auto_failure', maxPerAgent: 2 },
      { id: 'complaint', kind: 'linked_complaint' },
      { id: 'low-score', kind: 'auto_score_below', threshold: 40, maxPerAgent: 2 },
      { id: 'unhappy', kind: 'low_csat', threshold: 1, maxPerAgent: 1 },
      { id: 'unusually-long', kind: 'long_call', percentileOfAgent: 95, maxPerAgent: 1 },
    ],
  };
}

/** Throws when the sample breaks the plan: a benchmark of a wrong answer measures nothing. */
function assertFollowsPlan(sample: ReviewSample, plan: SamplingPlan, calls: CandidateCall[]): void {
  const excluded = new Set(plan.excludeCallIds);
  const byId = new Map(calls.map((call) => [call.id, call]));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const pick of sample.picks) {
    const call = byId.get(pick.callId);
    if (!call) problems.push(`${pick.callId} is not a candidate`);
    else if (call.durationSec < (plan.minDurationSec ?? 0)) problems.push(`${pick.callId} is shorter than ${plan.minDurationSec} s`);
    if (excluded.has(pick.callId)) problems.push(`${pick.callId} was already evaluated`);
    if (seen.has(pick.callId)) problems.push(`${pick.callId} was picked twice`);
    if (pick.startedAt < PERIOD_START || pick.startedAt >= PERIOD_END) problems.push(`${pick.callId} is outside the period`);
    seen.add(pick.callId);
  }
  for (const agent of sample.agents) {
    if (agent.pickedRandom + agent.shortfall !== QUOTA_PER_AGENT)
      problems.push(`${agent.agentId}: ${agent.pickedRandom} random picks and a shortfall of ${agent.shortfall}, quota ${QUOTA_PER_AGENT}`);
  }
  if (sample.picks.length === 0) problems.push('no picks at all');
  if (problems.length) throw new Error(`the review sample breaks its plan (${problems.length} problems): ${problems.slice(0, 5).join('; ')}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const samplingBench = defineBenchmark<SamplingOptions>({
  name: 'sampling',
  summary: 'review sampler: a month of candidate calls in memory, quota and targeted rules per agent',
  options: {
    candidates: { default: 1_000_000, description: 'candidate calls in the month' },
    agents: { default: 2_000, description: 'agents the calls are spread over' },
    draws: { default: 7, description: 'times the sample is drawn and timed (the same plan and calls each time)' },
    dates: { default: false, description: 'give startedAt as Date objects instead of epoch milliseconds' },
    grouped: { default: false, description: "list each agent's calls together instead of interleaved" },
  },

  async run({ options, outDir }) {
    for (const name of ['candidates', 'agents', 'draws'] as const) {
      if (!Number.isInteger(options[name]) || options[name] < 1)
        throw new Error(`--${optionFlag(name)} must be a whole number of at least 1, not ${options[name]}`);
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const startedAt = new Date().toISOString();
    const loadBefore = loadavg();

    log(`building ${options.candidates} candidate calls of ${options.agents} agents`);
    const buildStarted = performance.now();
    const calls = syntheticCalls(options);
    const plan = monthlyPlan(calls);
    const buildMs = performance.now() - buildStarted;

    const progress = new Progress('drawing the review sample', options.draws);
    const draws: { cpuMs: number; wallMs: number }[] = [];
    let sample: ReviewSample | undefined;
    for (let round = 0; round < options.draws; round += 1) {
      const cpuStarted = process.cpuUsage();
      const wallStarted = performance.now();
      sample = selectReviewSample(plan, calls);
      const cpu = process.cpuUsage(cpuStarted);
      draws.push({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wallStarted });
      progress.tick();
    }
    const result = sample as ReviewSample;
    assertFollowsPlan(result, plan, calls);

    const byRules = result.agents.reduce((sum, agent) => sum + agent.pickedByRules, 0);
    const shortfall = result.agents.reduce((sum, agent) => sum + agent.shortfall, 0);
    const excluded = Object.entries(result.exclusions)
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ');
    const cpuMs = draws.map((r) => r.cpuMs);
    const wallMs = draws.map((r) => r.wallMs);
    const right = { align: 'right' } as const;
    const table = renderTable(
      [
        { header: 'candidates', ...right },
        { header: 'agents', ...right },
        { header: 'eligible', ...right },
        { header: 'picks', ...right },
        { header: 'random', ...right },
        { header: 'by rules', ...right },
        { header: 'shortfall', ...right },
        { header: 'draws', ...right },
        { header: 'median ms (wall)', ...right },
        { header: 'median ms (CPU)', ...right },
        { header: 'best ms (CPU)', ...right },
        { header: 'candidates/s (CPU)', ...right },
      ],
      [
        [
          String(result.candidates),
          String(result.agents.length),
          String(result.eligible),
          String(result.picks.length),
          String(result.picks.length - byRules),
          String(byRules),
          String(shortfall),
          String(draws.length),
          fixed(median(wallMs), 0),
          fixed(median(cpuMs), 0),
          fixed(Math.min(...cpuMs), 0),
          fixed((1000 * result.candidates) / median(cpuMs), 0),
        ],
      ],
    );
    const cpu = cpus();
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    const machine = `Machine: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, load average (1/5/15 min) ${load(loadBefore)} at start / ${load(loadavg())} at end; Node ${process.version}`;
    const report = [
      `Review sampling: selectReviewSample() over a month of synthetic candidates in memory (no database), quota ${QUOTA_PER_AGENT} per agent, five targeted rules`,
      machine,
      '',
      table,
      '',
      `Candidates: startedAt as ${options.dates ? 'Date objects' : 'epoch milliseconds'}, ${options.grouped ? "each agent's calls together" : 'agents interleaved'}; built in ${buildMs.toFixed(0)} ms (not counted). Excluded: ${excluded || 'none'}.`,
      `Draws (ms CPU / wall): ${draws.map((r) => `${r.cpuMs.toFixed(0)}/${r.wallMs.toFixed(0)}`).join(', ')}. CPU = process.cpuUsage() of this process, GC threads included.`,
      'Not measured here: reading the candidates from PostgreSQL and writing the picks.',
    ].join('\n');

    const outFile = join(outDir, `sampling-${stamp}.json`);
    const json = {
      benchmark: 'sampling',
      startedAt,
      finishedAt: new Date().toISOString(),
      machine,
      options,
      buildMs,
      draws,
      sample: {
        candidates: result.candidates,
        agents: result.agents.length,
        eligible: result.eligible,
        picks: result.picks.length,
        byRules,
        shortfall,
        exclusions: result.exclusions,
      },
    };
    writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
    return { report, outFile, targetsMet: true };
  },
});
