import { byCodeUnits } from './code-unit-order';

export interface PickToAssign {
  callId: string;
  agentId: string;
  agentTeamId: string | null;
}

export interface ReviewerLoad {
  reviewerId: string;
  openAssignments: number;
}

export interface BalanceOptions {
  /** team id → ids of that team's supervisors; used when avoidOwnSupervisor */
  teamSupervisors?: ReadonlyMap<string, readonly string[]>;
  avoidOwnSupervisor?: boolean;
}

export interface ReviewerAssignment {
  callId: string;
  reviewerId: string;
}

export interface UnassignedPick {
  callId: string;
  reason: 'no_eligible_reviewer';
}

export interface ReviewerBalance {
  assignments: ReviewerAssignment[];
  unassigned: UnassignedPick[];
  /** Open assignments per reviewer after this batch, sorted by reviewerId. */
  loads: ReviewerLoad[];
}

/**
 * Hands out picks in the order given, each to the eligible reviewer with the fewest open assignments so
 * far (ties go to the lowest reviewerId by code units), so the same input always gives the same result.
 * Nobody reviews their own call, and with avoidOwnSupervisor no supervisor reviews their own team's agents.
 *
 * A reviewer listed twice counts once, with the higher of the loads given: a list built by joining teams
 * repeats a person with the same load, and taking the higher one never hides work they already have.
 *
 * @throws RangeError when a load is not a non-negative integer.
 */
export function assignReviewers(picks: readonly PickToAssign[], reviewers: readonly ReviewerLoad[], options: BalanceOptions = {}): ReviewerBalance {
  const loads = mergeReviewers(reviewers);
  const assignments: ReviewerAssignment[] = [];
  const unassigned: UnassignedPick[] = [];
  for (const pick of picks) {
    const excluded = excludedReviewers(pick, options);
    let best: ReviewerLoad | undefined;
    for (const reviewer of loads) {
      if (excluded.has(reviewer.reviewerId)) continue;
      if (!best || reviewer.openAssignments < best.openAssignments) best = reviewer;
    }
    if (best) {
      best.openAssignments++;
      assignments.push({ callId: pick.callId, reviewerId: best.reviewerId });
    } else {
      unassigned.push({ callId: pick.callId, reason: 'no_eligible_reviewer' });
    }
  }
  return { assignments, unassigned, loads };
}

/** Whether `reviewerId` may review the pick under the options; the rule assignReviewers applies. */
export function mayReview(reviewerId: string, pick: PickToAssign, options: BalanceOptions = {}): boolean {
  return !excludedReviewers(pick, options).has(reviewerId);
}

function excludedReviewers(pick: PickToAssign, options: BalanceOptions): Set<string> {
  const excluded = new Set([pick.agentId]);
  if (options.avoidOwnSupervisor && pick.agentTeamId !== null) {
    for (const supervisorId of options.teamSupervisors?.get(pick.agentTeamId) ?? []) excluded.add(supervisorId);
  }
  return excluded;
}

/** One fresh entry per reviewer, sorted by reviewerId so a strict `<` scan breaks ties by id. */
function mergeReviewers(reviewers: readonly ReviewerLoad[]): ReviewerLoad[] {
  const byId = new Map<string, number>();
  for (const { reviewerId, openAssignments } of reviewers) {
    if (!Number.isInteger(openAssignments) || openAssignments < 0) {
      throw new RangeError(`reviewer ${reviewerId}: openAssignments must be a non-negative integer, got ${openAssignments}`);
    }
    byId.set(reviewerId, Math.max(byId.get(reviewerId) ?? -Infinity, openAssignments));
  }
  return [...byId].map(([reviewerId, openAssignments]) => ({ reviewerId, openAssignments })).sort((a, b) => byCodeUnits(a.reviewerId, b.reviewerId));
}
