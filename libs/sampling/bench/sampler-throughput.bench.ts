/**
 * Informal speed of the review sampler: a month of synthetic candidates (1,000,000 calls, 2,000 agents,
 * quota 8, five targeted rules, 5,000 calls already evaluated), built in memory.
 *
 *   npx ts-node -T -P tsconfig.json -r tsconfig-paths/register libs/sampling/bench/sampler-throughput.bench.ts [--dates] [--grouped]
 *
 * --dates passes startedAt as Date objects instead of epoch ms; --grouped lists each agent's calls together.
 */
import { createSeededRandom } from '@callgrade/statistics';
import { CandidateCall, ReviewSample, SamplingPlan, selectReviewSample } from '../src';

const CALLS = 1_000_000;
const AGENTS = 2_000;
const ROUNDS = 7;
const PERIOD_START = Date.UTC(2025, 0, 1);
const PERIOD_END = Date.UTC(2025, 1, 1);

function syntheticCalls(options: { dates: boolean; grouped: boolean }): CandidateCall[] {
  const random = createSeededRandom('sampler-bench');
  const agentIds = Array.from({ length: AGENTS }, (_, i) => `agent-${String(i).padStart(5, '0')}`);
  return Array.from({ length: CALLS }, (_, i): CandidateCall => {
    const startedAt = PERIOD_START + Math.floor(random.next() * (PERIOD_END - PERIOD_START));
    return {
      id: `call-${i.toString(36)}-${random.nextUint32().toString(36)}`,
      agentId: agentIds[options.grouped ? Math.floor((i * AGENTS) / CALLS) : random.nextInt(AGENTS)],
      startedAt: options.dates ? new Date(startedAt) : startedAt,
      durationSec: 10 + random.nextInt(900),
      autoScore: random.next() < 0.9 ? random.nextInt(101) : null,
      criticalAutoFailure: random.next() < 0.01,
      hasComplaint: random.next() < 0.002,
      csat: random.next() < 0.3 ? 1 + random.nextInt(5) : null,
    };
  });
}

const calls = syntheticCalls({ dates: process.argv.includes('--dates'), grouped: process.argv.includes('--grouped') });
const plan: SamplingPlan = {
  seed: 'plan-2025-01',
  periodStart: PERIOD_START,
  periodEnd: PERIOD_END,
  quotaPerAgent: 8,
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

// CPU time of this process, best round, so other load on the machine matters less; wall time alongside.
let result: ReviewSample | undefined;
const rounds: { cpuMs: number; wallMs: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const cpuStarted = process.cpuUsage();
  const wallStarted = performance.now();
  result = selectReviewSample(plan, calls);
  const cpu = process.cpuUsage(cpuStarted);
  rounds.push({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wallStarted });
}
const best = rounds.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
const median = [...rounds].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(ROUNDS / 2)];
const byRules = result!.agents.reduce((sum, agent) => sum + agent.pickedByRules, 0);
console.log(`${CALLS} candidates, ${AGENTS} agents: ${result!.eligible} eligible, ${result!.picks.length} picks (${byRules} by rules)`);
console.log(`best round ${best.cpuMs.toFixed(0)} ms CPU (${best.wallMs.toFixed(0)} ms wall); median ${median.wallMs.toFixed(0)} ms wall`);
console.log(`rounds (ms CPU / wall): ${rounds.map((r) => `${r.cpuMs.toFixed(0)}/${r.wallMs.toFixed(0)}`).join(', ')}`);
