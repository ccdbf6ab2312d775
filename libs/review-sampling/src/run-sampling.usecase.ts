import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { SamplingPlanEntity, SamplingRunEntity, SamplingRunTrigger, REVIEWER_ROLES } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { assignReviewers, periodContaining, PeriodBounds, previousPeriod, ReviewerBalance, SamplingPeriod } from '@callgrade/review-rules';
import { ReviewSample, SamplingError, selectReviewSample, TargetedRule } from '@callgrade/sampling';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AgentCandidateCounts, LoadedCandidates, SamplingCandidatesLoader } from './sampling-candidates.loader';
import { AgentRunSummary, ReviewerLoadSummary, RunExclusions, SamplingRunSummary, toRunView } from './sampling-plan.views';
import { SamplingPlansService } from './sampling-plans.service';

export interface RunSamplingCommand {
  planId: string;
  trigger: SamplingRunTrigger;
  /** Default: the plan's previous complete period (day, week from Monday, or month; UTC) before `now`. */
  periodStart?: Date;
  /** Exclusive. Needs periodStart; without it the period is the plan's period containing periodStart. */
  periodEnd?: Date;
  /** Default: derived from the plan id and the period start, so a scheduled run can be drawn again alike. */
  seed?: string;
  /** Who asked for a manual run (audit-logged); none for the schedule. */
  requestedBy?: Principal;
  now?: Date;
}

/** A custom period may span at most this many days. */
const MAX_PERIOD_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The seed a run uses unless given one: the same plan and period always draw the same calls from the same data. */
export const defaultSeed = (planId: string, periodStart: Date) => `${planId}:${periodStart.toISOString()}`;

/**
 * Draws a plan's review sample for a period and hands the picks out as review assignments:
 * eligible calls from PostgreSQL → selectReviewSample (random stratified quota + targeted rules) →
 * assignReviewers (balanced by each reviewer's open work, optionally never the agent's own team
 * supervisor) → one transaction with the run and all its assignments. A call with a live assignment is
 * never picked again: the loader leaves it out, and the partial unique index review_assignments_one_per_call
 * settles a race with a concurrent run (ON CONFLICT DO NOTHING; only what was inserted is counted).
 * A scheduled run of a plan and period that already ran does nothing (unique index sampling_runs_one_scheduled).
 */
@Injectable()
export class RunSampling {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: SamplingPlansService,
    private readonly candidates: SamplingCandidatesLoader,
    @InjectRepository(SamplingRunEntity) private readonly runs: Repository<SamplingRunEntity>,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: RunSamplingCommand): Promise<SamplingRunSummary> {
    const started = performance.now();
    const plan = await this.plans.find(command.planId);
    if (plan.archivedAt) throw new DomainError(ErrorCode.Conflict, `Sampling plan "${plan.name}" is archived and does not run`);
    const period = resolvePeriod(plan.period, command);
    const seed = command.seed ?? defaultSeed(plan.id, period.start);
    if (command.trigger === 'schedule') {
      const earlier = await this.runs.findOne({ where: { planId: plan.id, trigger: 'schedule', periodStart: period.start } });
      if (earlier) return this.alreadyRan(earlier);
    }

    const loaded = await this.candidates.load({ periodStart: period.start, periodEnd: period.end, teamIds: plan.teamIds, minDurationSec: plan.minDurationSec });
    const sampleStarted = performance.now();
    const sample = this.draw(plan, period, seed, loaded);
    const assignStarted = performance.now();
    const reviewers = await this.reviewerLoads(plan.reviewerIds);
    const balance = await this.balance(plan, sample, reviewers);
    const writeStarted = performance.now();

    const runId = randomUUID();
    const agents = agentSummaries(plan.quotaPerAgent, sample, loaded);
    const exclusions = totalExclusions(loaded.perAgent);
    const candidates = [...loaded.perAgent.values()].reduce((sum, counts) => sum + counts.candidates, 0);
    const inserted = await this.dataSource.transaction(async (manager) => {
      const created: { id: string }[] = await manager.query(
        `INSERT INTO sampling_runs (id, plan_id, trigger, seed, period_start, period_end, plan_snapshot, requested_by, candidates, eligible, picked, unassigned, exclusions, agents, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, 0, $11, $12, 0)
         ON CONFLICT (plan_id, period_start) WHERE trigger = 'schedule' DO NOTHING
         RETURNING id`,
        [
          runId,
          plan.id,
          command.trigger,
          seed,
          period.start,
          period.end,
          JSON.stringify(planSnapshot(plan, loaded.agentsOnLeave)),
          command.requestedBy?.kind === 'user' ? command.requestedBy.id : null,
          candidates,
          sample.eligible,
          JSON.stringify(exclusions),
          JSON.stringify(agents),
        ],
      );
      if (created.length === 0) return null;
      const rows = await insertAssignments(manager, plan.id, runId, sample, balance);
      exclusions.picked_by_another_run = sample.picks.length - rows.length;
      await manager.query(`UPDATE sampling_runs SET picked = $2, unassigned = $3, exclusions = $4, duration_ms = $5 WHERE id = $1`, [
        runId,
        rows.length,
        rows.filter((r) => r.reviewer_id === null).length,
        JSON.stringify(exclusions),
        Math.round(performance.now() - started),
      ]);
      return rows;
    });
    if (inserted === null) {
      // Another worker ran this scheduled period between the check above and the insert.
      return this.alreadyRan(await this.runs.findOneOrFail({ where: { planId: plan.id, trigger: 'schedule', periodStart: period.start } }));
    }
    const writeMs = performance.now() - writeStarted;

    if (command.trigger === 'manual' && command.requestedBy) {
      await this.audit.record(command.requestedBy, {
        action: 'sampling_run.created',
        resourceType: 'sampling_run',
        resourceId: runId,
        details: { planId: plan.id, periodStart: period.start.toISOString(), periodEnd: period.end.toISOString(), seed, picked: inserted.length },
      });
    }
    const run = await this.runs.findOneByOrFail({ id: runId });
    const assignedBy = countBy(inserted.map((r) => r.reviewer_id).filter((id): id is string => id !== null));
    return {
      ...toRunView(run),
      alreadyRan: false,
      pickedRandom: agents.reduce((sum, a) => sum + a.pickedRandom, 0),
      pickedByRules: agents.reduce((sum, a) => sum + a.pickedByRules, 0),
      agentsOnLeave: loaded.agentsOnLeave,
      reviewers: reviewers.map(({ reviewerId, openAssignments }) => ({
        reviewerId,
        assigned: assignedBy.get(reviewerId) ?? 0,
        openAfter: openAssignments + (assignedBy.get(reviewerId) ?? 0),
      })),
      timings: {
        loadMs: round(loaded.loadMs),
        sampleMs: round(assignStarted - sampleStarted),
        assignMs: round(writeStarted - assignStarted),
        writeMs: round(writeMs),
      },
    };
  }

  private draw(plan: SamplingPlanEntity, period: PeriodBounds, seed: string, loaded: LoadedCandidates): ReviewSample {
    try {
      // Exclusions were applied in SQL, so the sampler sees eligible calls only.
      return selectReviewSample(
        { seed, periodStart: period.start, periodEnd: period.end, quotaPerAgent: plan.quotaPerAgent, targetedRules: plan.targetedRules as TargetedRule[] },
        loaded.calls,
      );
    } catch (e) {
      if (e instanceof SamplingError) throw new DomainError(ErrorCode.Conflict, `Sampling plan "${plan.name}" cannot run: ${e.message}`);
      throw e;
    }
  }

  /** The plan's reviewers who may still review (active QA supervisors and admins), with their open and in-progress work. */
  private async reviewerLoads(reviewerIds: string[]): Promise<{ reviewerId: string; openAssignments: number }[]> {
    if (reviewerIds.length === 0) return [];
    const rows: { id: string; open: number }[] = await this.dataSource.query(
      `SELECT u.id, (SELECT count(*) FROM review_assignments a WHERE a.reviewer_id = u.id AND a.status IN ('open', 'in_progress'))::int AS open
       FROM users u WHERE u.id = ANY($1::uuid[]) AND u.active AND u.role = ANY($2::user_role[]) ORDER BY u.id`,
      [reviewerIds, REVIEWER_ROLES],
    );
    return rows.map((r) => ({ reviewerId: r.id, openAssignments: r.open }));
  }

  /**
   * Picks in the sampler's order (by agent, then time) go to the least-loaded eligible reviewer. "Own team"
   * is the agent's current team (users.team_id): the supervisor relationship that matters for a review is
   * the one the agent has now, not the team the call was made in.
   */
  private async balance(
    plan: SamplingPlanEntity,
    sample: ReviewSample,
    reviewers: { reviewerId: string; openAssignments: number }[],
  ): Promise<ReviewerBalance> {
    const agentIds = [...new Set(sample.picks.map((p) => p.agentId))];
    const teams: { id: string; team_id: string | null }[] = agentIds.length
      ? await this.dataSource.query(`SELECT id, team_id FROM users WHERE id = ANY($1::uuid[])`, [agentIds])
      : [];
    const teamOf = new Map(teams.map((t) => [t.id, t.team_id]));
    const teamIds = [...new Set(teams.map((t) => t.team_id).filter((id): id is string => id !== null))];
    const supervisors: { team_id: string; user_id: string }[] = teamIds.length
      ? await this.dataSource.query(`SELECT team_id, user_id FROM team_supervisors WHERE team_id = ANY($1::uuid[])`, [teamIds])
      : [];
    const teamSupervisors = new Map<string, string[]>();
    for (const { team_id, user_id } of supervisors) teamSupervisors.set(team_id, [...(teamSupervisors.get(team_id) ?? []), user_id]);
    return assignReviewers(
      sample.picks.map((p) => ({ callId: p.callId, agentId: p.agentId, agentTeamId: teamOf.get(p.agentId) ?? null })),
      reviewers,
      { teamSupervisors, avoidOwnSupervisor: plan.avoidOwnSupervisor },
    );
  }

  private async alreadyRan(run: SamplingRunEntity): Promise<SamplingRunSummary> {
    const view = toRunView(run);
    const rows: { reviewer_id: string; assigned: number; open: number }[] = await this.dataSource.query(
      `SELECT reviewer_id, count(*)::int AS assigned,
              (SELECT count(*) FROM review_assignments o WHERE o.reviewer_id = a.reviewer_id AND o.status IN ('open', 'in_progress'))::int AS open
       FROM review_assignments a WHERE a.run_id = $1 AND a.reviewer_id IS NOT NULL GROUP BY reviewer_id ORDER BY reviewer_id`,
      [run.id],
    );
    const reviewers: ReviewerLoadSummary[] = rows.map((r) => ({ reviewerId: r.reviewer_id, assigned: r.assigned, openAfter: r.open }));
    const snapshot = run.planSnapshot as { agentsOnLeave?: string[] };
    return {
      ...view,
      alreadyRan: true,
      pickedRandom: view.agents.reduce((sum, a) => sum + a.pickedRandom, 0),
      pickedByRules: view.agents.reduce((sum, a) => sum + a.pickedByRules, 0),
      agentsOnLeave: snapshot.agentsOnLeave ?? [],
      reviewers,
      timings: { loadMs: 0, sampleMs: 0, assignMs: 0, writeMs: 0 },
    };
  }
}

/** The period a run covers; a bad custom period is a 422 naming the field. */
export function resolvePeriod(kind: SamplingPeriod, command: Pick<RunSamplingCommand, 'periodStart' | 'periodEnd' | 'now'>): PeriodBounds {
  const { periodStart, periodEnd } = command;
  if (!periodStart) {
    if (periodEnd) throw DomainError.validation({ periodStart: 'is required when periodEnd is given' });
    return previousPeriod(kind, command.now ?? new Date());
  }
  if (!periodEnd) return periodContaining(kind, periodStart);
  if (periodEnd.getTime() <= periodStart.getTime()) throw DomainError.validation({ periodEnd: 'must be after periodStart' });
  if (periodEnd.getTime() - periodStart.getTime() > MAX_PERIOD_DAYS * DAY_MS)
    throw DomainError.validation({ periodEnd: `must be at most ${MAX_PERIOD_DAYS} days after periodStart` });
  return { start: periodStart, end: periodEnd };
}

interface InsertedAssignment {
  recording_id: string;
  reviewer_id: string | null;
}

/** All the run's assignments in one statement; a call another run assigned meanwhile is skipped, not an error. */
async function insertAssignments(
  manager: EntityManager,
  planId: string,
  runId: string,
  sample: ReviewSample,
  balance: ReviewerBalance,
): Promise<InsertedAssignment[]> {
  if (sample.picks.length === 0) return [];
  const reviewerOf = new Map(balance.assignments.map((a) => [a.callId, a.reviewerId]));
  const picks = sample.picks;
  return manager.query(
    `INSERT INTO review_assignments (recording_id, agent_id, reviewer_id, plan_id, run_id, reason, also_matched)
     SELECT u.recording_id, u.agent_id, u.reviewer_id, $4, $5, u.reason::jsonb, u.also_matched::jsonb
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $6::text[], $7::text[]) AS u(recording_id, agent_id, reviewer_id, reason, also_matched)
     ON CONFLICT (recording_id) WHERE status <> 'cancelled' DO NOTHING
     RETURNING recording_id, reviewer_id`,
    [
      picks.map((p) => p.callId),
      picks.map((p) => p.agentId),
      picks.map((p) => reviewerOf.get(p.callId) ?? null),
      planId,
      runId,
      picks.map((p) => JSON.stringify(p.reason)),
      picks.map((p) => JSON.stringify(p.alsoMatched)),
    ],
  );
}

/** Every agent with a call in the period (and teams), except agents on leave, in id order. */
function agentSummaries(quota: number, sample: ReviewSample, loaded: LoadedCandidates): AgentRunSummary[] {
  const sampled = new Map(sample.agents.map((a) => [a.agentId, a]));
  const onLeave = new Set(loaded.agentsOnLeave);
  const ids = new Set([...loaded.perAgent.keys(), ...sampled.keys()]);
  const out: AgentRunSummary[] = [];
  for (const agentId of [...ids].sort(byCodeUnits)) {
    if (onLeave.has(agentId)) continue;
    const s = sampled.get(agentId);
    const counts = loaded.perAgent.get(agentId);
    const eligible = s?.eligible ?? 0;
    out.push({
      agentId,
      candidates: counts?.candidates ?? eligible,
      eligible,
      pickedRandom: s?.pickedRandom ?? 0,
      pickedByRules: s?.pickedByRules ?? 0,
      shortfall: s?.shortfall ?? quota,
    });
  }
  return out;
}

function totalExclusions(perAgent: Map<string, AgentCandidateCounts>): RunExclusions {
  const total: RunExclusions = { agent_on_leave: 0, already_evaluated: 0, too_short: 0, picked_by_another_run: 0 };
  for (const counts of perAgent.values()) {
    total.agent_on_leave += counts.agentOnLeave;
    total.already_evaluated += counts.alreadyEvaluated;
    total.too_short += counts.tooShort;
  }
  return total;
}

/** What the run was drawn with, so it can be drawn again alike from the seed. */
function planSnapshot(plan: SamplingPlanEntity, agentsOnLeave: string[]) {
  return {
    name: plan.name,
    period: plan.period,
    quotaPerAgent: plan.quotaPerAgent,
    minDurationSec: plan.minDurationSec,
    teamIds: plan.teamIds,
    targetedRules: plan.targetedRules,
    reviewerIds: plan.reviewerIds,
    avoidOwnSupervisor: plan.avoidOwnSupervisor,
    agentsOnLeave,
  };
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

const round = (ms: number) => Math.round(ms);
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
