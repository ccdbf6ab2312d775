import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { UsersService } from '@callgrade/accounts';
import { AuditLog } from '@callgrade/audit';
import { AppConfig, validateEnvironment } from '@callgrade/config';
import { AuditEventEntity, SamplingPeriodKind, SamplingPlanEntity, SamplingRunEntity, TeamEntity, UserEntity } from '@callgrade/database';
import { RunSampling, SamplingCandidatesLoader, SamplingPlansService, SamplingRunSummary } from '@callgrade/review-sampling';
import type { TargetedRule } from '@callgrade/sampling';
import { DataSource } from 'typeorm';
import { migratedBenchDatabase } from '../ingest/bench-database';
import { defineBenchmark, optionFlag } from '../support/benchmark';
import { log, Progress } from '../support/progress';
import { fixed, renderTable } from '../support/table';
import { loadMonthOfCalls, LoadedMonth } from './bulk-load';

type SamplingDbOptions = {
  calls: number;
  agents: number;
  teams: number;
  runs: number;
  databaseUrl: string;
  keepDatabase: boolean;
};

const PERIOD_START = new Date('2025-01-01T00:00:00Z');
const PERIOD_END = new Date('2025-02-01T00:00:00Z');
const QUOTA_PER_AGENT = 8;
const MIN_DURATION_SEC = 30;
/** The five kinds of targeted rule, as a supervisor might set them. */
const RULES: TargetedRule[] = [
  { id: 'critical', kind: 'critical_auto_failure', maxPerAgent: 2 },
  { id: 'complaint', kind: 'linked_complaint' },
  { id: 'low-score', kind: 'auto_score_below', threshold: 40, maxPerAgent: 2 },
  { id: 'unhappy', kind: 'low_csat', threshold: 1, maxPerAgent: 1 },
  { id: 'unusually-long', kind: 'long_call', percentileOfAgent: 95, maxPerAgent: 1 },
];

/**
 * The random stratified part alone, as one query: the month cut in 8 equal strata, and in each stratum
 * of each agent the call with the smallest md5(id || seed). Same exclusions as the platform's loader;
 * no targeted rules, no filling of empty strata, no reasons, no assignments.
 */
const HAND_WRITTEN_SQL = `
  SELECT id, agent_id, stratum FROM (
    SELECT r.id, r.agent_id,
           floor(extract(epoch FROM r.started_at - $1::timestamptz) * $3 / extract(epoch FROM $2::timestamptz - $1::timestamptz))::int AS stratum,
           row_number() OVER (PARTITION BY r.agent_id, floor(extract(epoch FROM r.started_at - $1::timestamptz) * $3 / extract(epoch FROM $2::timestamptz - $1::timestamptz))
                              ORDER BY md5(r.id::text || $4)) AS rn
    FROM recordings r
    WHERE r.started_at >= $1 AND r.started_at < $2 AND r.status <> 'failed' AND r.duration_ms >= $5
      AND r.agent_id <> ALL($6::uuid[])
      AND NOT EXISTS (SELECT 1 FROM review_assignments a WHERE a.recording_id = r.id AND a.status <> 'cancelled')
      AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.recording_id = r.id)
  ) ranked
  WHERE rn = 1`;

interface Timed {
  wallMs: number;
  cpuMs: number;
}

/** Times work by wall clock and by this process's CPU (PostgreSQL's own CPU is not in it). */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T } & Timed> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** Throws when the run broke the plan: a benchmark of a wrong answer measures nothing. */
async function assertRunFollowsPlan(dataSource: DataSource, run: SamplingRunSummary, loaded: LoadedMonth): Promise<void> {
  const problems: string[] = [];
  const onLeave = new Set(loaded.agentsOnLeave);
  if (JSON.stringify(run.agentsOnLeave) !== JSON.stringify([...loaded.agentsOnLeave].sort()))
    problems.push(`agents on leave: ${run.agentsOnLeave.length}, expected ${loaded.agentsOnLeave.length}`);
  const sampled = loaded.agentIds.filter((id) => !onLeave.has(id));
  if (run.agents.length !== sampled.length) problems.push(`${run.agents.length} agents in the summary, expected ${sampled.length}`);
  for (const agent of run.agents) {
    if (agent.pickedRandom !== QUOTA_PER_AGENT || agent.shortfall !== 0)
      problems.push(`${agent.agentId}: ${agent.pickedRandom} random picks, shortfall ${agent.shortfall}`);
    if (onLeave.has(agent.agentId)) problems.push(`${agent.agentId} is on leave all month but was sampled`);
  }
  const [stored] = await dataSource.query<Record<'picks' | 'random' | 'ineligible' | 'on_leave' | 'unassigned' | 'own_supervisor' | 'twice', number>[]>(
    `SELECT count(*)::int AS picks,
            count(*) FILTER (WHERE a.reason->>'kind' = 'random')::int AS random,
            count(*) FILTER (WHERE r.duration_ms < $2 OR r.status = 'failed' OR r.started_at < $3 OR r.started_at >= $4)::int AS ineligible,
            count(*) FILTER (WHERE a.agent_id = ANY($5::uuid[]))::int AS on_leave,
            count(*) FILTER (WHERE a.reviewer_id IS NULL)::int AS unassigned,
            count(*) FILTER (WHERE a.reviewer_id IN (SELECT ts.user_id FROM team_supervisors ts JOIN users u ON u.team_id = ts.team_id WHERE u.id = a.agent_id))::int AS own_supervisor,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM review_assignments o WHERE o.recording_id = a.recording_id AND o.id <> a.id AND o.status <> 'cancelled'))::int AS twice
     FROM review_assignments a JOIN recordings r ON r.id = a.recording_id WHERE a.run_id = $1`,
    [run.id, MIN_DURATION_SEC * 1000, PERIOD_START, PERIOD_END, loaded.agentsOnLeave],
  );
  if (stored.picks !== run.picked || stored.picks !== run.pickedRandom + run.pickedByRules)
    problems.push(`${stored.picks} assignments stored, the summary says ${run.picked}`);
  if (stored.random !== sampled.length * QUOTA_PER_AGENT) problems.push(`${stored.random} random picks, expected ${sampled.length * QUOTA_PER_AGENT}`);
  for (const key of ['ineligible', 'on_leave', 'unassigned', 'own_supervisor', 'twice'] as const)
    if (stored[key] !== 0) problems.push(`${stored[key]} picks ${key.replace('_', ' ')}`);
  const [strata] = await dataSource.query<{ agents: number }[]>(
    `SELECT count(*)::int AS agents FROM (SELECT agent_id FROM review_assignments WHERE run_id = $1 AND reason->>'kind' = 'random'
     GROUP BY agent_id HAVING count(DISTINCT reason->>'stratum') <> $2) bad`,
    [run.id, QUOTA_PER_AGENT],
  );
  if (strata.agents !== 0) problems.push(`${strata.agents} agents without one random pick in each of the ${QUOTA_PER_AGENT} strata`);
  if (problems.length) throw new Error(`the sampling run breaks its plan (${problems.length} problems): ${problems.slice(0, 5).join('; ')}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const samplingDbBench = defineBenchmark<SamplingDbOptions>({
  name: 'sampling-db',
  summary: 'review sampling run over a month of calls in PostgreSQL (load, sample, balance, assign) beside one hand-written SQL query',
  options: {
    calls: { default: 1_000_000, description: 'calls in the month' },
    agents: { default: 2_000, description: 'agents the calls are spread over' },
    teams: { default: 20, description: 'teams (each with one QA supervisor, who are the plan reviewers)' },
    runs: { default: 3, description: 'times each is run and timed (the assignments of a run are deleted before the next)' },
    databaseUrl: {
      default: 'postgres://postgres@127.0.0.1:5432/callgrade_bench_sampling',
      description: "the benchmark's database, DROPPED and recreated (its name must contain 'bench')",
    },
    keepDatabase: { default: false, description: 'keep the database afterwards (to look at it with psql)' },
  },

  async run({ options, outDir, cleanup }) {
    for (const name of ['calls', 'agents', 'teams', 'runs'] as const) {
      if (!Number.isInteger(options[name]) || options[name] < 1)
        throw new Error(`--${optionFlag(name)} must be a whole number of at least 1, not ${options[name]}`);
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const startedAt = new Date().toISOString();
    const loadBefore = loadavg();

    const dataSource = await migratedBenchDatabase(options.databaseUrl, options.keepDatabase, cleanup);

    const loaded = await loadMonthOfCalls(dataSource, {
      calls: options.calls,
      agents: options.agents,
      teams: options.teams,
      periodStart: PERIOD_START,
      periodEnd: PERIOD_END,
    });
    log(
      `loaded ${loaded.counts.recordings} calls in ${(loaded.loadMs / 1000).toFixed(1)} s (${fixed(loaded.counts.recordings / (loaded.loadMs / 1000), 0)} calls/s, indexes and ANALYZE included)`,
    );

    const plan = await dataSource.getRepository(SamplingPlanEntity).save({
      name: 'Bench monthly plan',
      period: SamplingPeriodKind.Month,
      quotaPerAgent: QUOTA_PER_AGENT,
      minDurationSec: MIN_DURATION_SEC,
      teamIds: [],
      targetedRules: RULES,
      reviewerIds: loaded.supervisorIds,
      avoidOwnSupervisor: true,
      scheduleEnabled: false,
    });
    // The use case as the API and the worker run it, wired by hand instead of by Nest.
    const audit = new AuditLog(dataSource.getRepository(AuditEventEntity));
    const accounts = new UsersService(
      dataSource.getRepository(UserEntity),
      dataSource.getRepository(TeamEntity),
      audit,
      new AppConfig(validateEnvironment(process.env)),
    );
    const plans = new SamplingPlansService(dataSource.getRepository(SamplingPlanEntity), dataSource.getRepository(TeamEntity), audit, accounts);
    const sut = new RunSampling(dataSource, plans, new SamplingCandidatesLoader(dataSource), dataSource.getRepository(SamplingRunEntity), audit);

    const platformRuns: (Timed & { summary: SamplingRunSummary })[] = [];
    let firstPicks: string | undefined;
    const runProgress = new Progress('RunSampling.execute', options.runs);
    for (let round = 0; round < options.runs; round++) {
      const {
        result: summary,
        wallMs,
        cpuMs,
      } = await timed(() => sut.execute({ planId: plan.id, trigger: 'manual', periodStart: PERIOD_START, periodEnd: PERIOD_END }));
      await assertRunFollowsPlan(dataSource, summary, loaded);
      const [{ picks }] = await dataSource.query<{ picks: string }[]>(
        `SELECT md5(string_agg(recording_id::text || (reason::text), ',' ORDER BY recording_id)) AS picks FROM review_assignments WHERE run_id = $1`,
        [summary.id],
      );
      if (firstPicks !== undefined && picks !== firstPicks) throw new Error('the same seed and data drew different calls in two runs');
      firstPicks = picks;
      platformRuns.push({ summary, wallMs, cpuMs });
      // Undo the run, so the next one starts from the same data (not timed).
      await dataSource.query(`DELETE FROM review_assignments WHERE run_id = $1`, [summary.id]);
      await dataSource.query(`DELETE FROM sampling_runs WHERE id = $1`, [summary.id]);
      await dataSource.query(`VACUUM ANALYZE review_assignments`);
      runProgress.tick();
    }

    const sqlRuns: (Timed & { rows: number })[] = [];
    const sqlProgress = new Progress('hand-written SQL', options.runs);
    const seed = platformRuns[0].summary.seed;
    for (let round = 0; round < options.runs; round++) {
      const {
        result: rows,
        wallMs,
        cpuMs,
      } = await timed(
        async () =>
          await dataSource.query<{ agent_id: string }[]>(HAND_WRITTEN_SQL, [
            PERIOD_START,
            PERIOD_END,
            QUOTA_PER_AGENT,
            seed,
            MIN_DURATION_SEC * 1000,
            loaded.agentsOnLeave,
          ]),
      );
      const expected = (loaded.agentIds.length - loaded.agentsOnLeave.length) * QUOTA_PER_AGENT;
      if (rows.length !== expected) throw new Error(`the hand-written SQL picked ${rows.length} calls, expected ${expected}`);
      sqlRuns.push({ rows: rows.length, wallMs, cpuMs });
      sqlProgress.tick();
    }

    const summary = platformRuns[0].summary;
    const stage = (key: keyof SamplingRunSummary['timings']) => fixed(median(platformRuns.map((r) => r.summary.timings[key])), 0);
    const platformMedian = median(platformRuns.map((r) => r.wallMs));
    const sqlMedian = median(sqlRuns.map((r) => r.wallMs));
    const right = { align: 'right' } as const;
    const table = renderTable(
      [
        { header: 'what' },
        { header: 'runs', ...right },
        { header: 'median ms', ...right },
        { header: 'best ms', ...right },
        { header: 'Node CPU ms', ...right },
        { header: 'load', ...right },
        { header: 'sample', ...right },
        { header: 'balance', ...right },
        { header: 'write', ...right },
        { header: 'picks', ...right },
      ],
      [
        [
          'RunSampling.execute: quota 8 + 5 rules, assignments',
          String(platformRuns.length),
          fixed(platformMedian, 0),
          fixed(Math.min(...platformRuns.map((r) => r.wallMs)), 0),
          fixed(median(platformRuns.map((r) => r.cpuMs)), 0),
          stage('loadMs'),
          stage('sampleMs'),
          stage('assignMs'),
          stage('writeMs'),
          String(summary.picked),
        ],
        [
          'one hand-written SQL query: random part only',
          String(sqlRuns.length),
          fixed(sqlMedian, 0),
          fixed(Math.min(...sqlRuns.map((r) => r.wallMs)), 0),
          fixed(median(sqlRuns.map((r) => r.cpuMs)), 0),
          '-',
          '-',
          '-',
          '-',
          String(sqlRuns[0].rows),
        ],
      ],
    );
    const reviewerLoads = summary.reviewers.map((r) => r.assigned);
    const cpu = cpus();
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    const machine = `Machine: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, load average (1/5/15 min) ${load(loadBefore)} at start / ${load(loadavg())} at end; Node ${process.version}`;
    const report = [
      `Review sampling in PostgreSQL: a month of ${loaded.counts.recordings.toLocaleString('en')} calls of ${loaded.agentIds.length} agents; quota ${QUOTA_PER_AGENT} per agent, minimum ${MIN_DURATION_SEC} s, five targeted rules, ${loaded.supervisorIds.length} reviewers (never the agent's own team supervisor)`,
      machine,
      '',
      table,
      '',
      `RunSampling.execute is the use case behind POST /sampling-plans/:id/runs and the schedule: eligible calls read from PostgreSQL (load), selectReviewSample (sample), assignReviewers by open work (balance), and one transaction with the run and all its assignments (write).`,
      `The SQL query does the random stratified pick alone (row_number() over agent and stratum, ordered by md5(id || seed)): no targeted rules, no filling of empty strata, no reasons, nothing written. It is ${fixed(platformMedian / sqlMedian, 1)}x faster than the whole run.`,
      `Run: ${summary.candidates} candidates, ${summary.eligible} eligible; excluded ${Object.entries(summary.exclusions)
        .filter(([, n]) => n)
        .map(([k, n]) => `${k} ${n}`)
        .join(
          ', ',
        )}; ${summary.pickedRandom} random + ${summary.pickedByRules} by rules = ${summary.picked} assignments, ${summary.unassigned} unassigned; per reviewer ${Math.min(...reviewerLoads)}-${Math.max(...reviewerLoads)}.`,
      `Checked: every agent not on leave got ${QUOTA_PER_AGENT} random picks, one per stratum; no pick short, failed, outside the month, of an agent on leave, already under review, or given to the agent's own supervisor; the same seed drew the same calls in every run.`,
      `Bulk load (not timed above): ${loaded.counts.recordings} calls, ${loaded.counts.complaints} complaints, ${loaded.counts.surveys} surveys, ${loaded.counts.alreadyAssigned} calls already under review, ${loaded.counts.leaves} leaves, in ${(loaded.loadMs / 1000).toFixed(1)} s.`,
      `Times per run (ms, wall): RunSampling ${platformRuns.map((r) => r.wallMs.toFixed(0)).join(', ')}; SQL ${sqlRuns.map((r) => r.wallMs.toFixed(0)).join(', ')}. Node CPU excludes PostgreSQL's own CPU.`,
    ].join('\n');

    const outFile = join(outDir, `sampling-db-${stamp}.json`);
    const json = {
      benchmark: 'sampling-db',
      startedAt,
      finishedAt: new Date().toISOString(),
      machine,
      options: { ...options, databaseUrl: options.databaseUrl.replace(/\/\/[^@]*@/, '//***@') },
      bulkLoad: { ms: loaded.loadMs, counts: loaded.counts },
      platformRuns: platformRuns.map((r) => ({ wallMs: r.wallMs, cpuMs: r.cpuMs, timings: r.summary.timings, picked: r.summary.picked })),
      sqlRuns,
      run: {
        candidates: summary.candidates,
        eligible: summary.eligible,
        exclusions: summary.exclusions,
        pickedRandom: summary.pickedRandom,
        pickedByRules: summary.pickedByRules,
        unassigned: summary.unassigned,
      },
    };
    writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
    return { report, outFile, targetsMet: platformMedian < 10_000 };
  },
});
