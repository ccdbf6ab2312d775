import { ComplaintRuleError, ComplaintRuleErrorCode } from './complaint-rules.error';

export const COMPLAINT_STATES = ['new', 'triaged', 'investigating', 'escalated', 'resolved', 'closed', 'reopened'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const COMPLAINT_MOVES = ['triage', 'investigate', 'escalate', 'resolve', 'close', 'reopen'] as const;
export type ComplaintMove = (typeof COMPLAINT_MOVES)[number];

/** Who makes a move: a user by role, a machine client, or the platform itself (a breached deadline). */
export type ComplaintActor = 'admin' | 'qa_supervisor' | 'dispute_team' | 'trainer' | 'agent' | 'auditor' | 'api_key' | 'system';

export const COMPLAINT_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

const TRANSITIONS: Readonly<Record<ComplaintState, Readonly<Partial<Record<ComplaintMove, ComplaintState>>>>> = {
  new: { triage: 'triaged', escalate: 'escalated', resolve: 'resolved' },
  triaged: { investigate: 'investigating', escalate: 'escalated', resolve: 'resolved' },
  investigating: { escalate: 'escalated', resolve: 'resolved' },
  escalated: { resolve: 'resolved' },
  resolved: { close: 'closed', reopen: 'reopened' },
  closed: { reopen: 'reopened' },
  reopened: { investigate: 'investigating', escalate: 'escalated', resolve: 'resolved' },
};

const CASE_HANDLERS: readonly ComplaintActor[] = ['admin', 'qa_supervisor', 'dispute_team'];
const DISPUTE_TEAM: readonly ComplaintActor[] = ['admin', 'dispute_team'];

/** Who may make each move. Agents, trainers and machine clients never change a complaint's state. */
const MOVERS: Readonly<Record<ComplaintMove, readonly ComplaintActor[]>> = {
  triage: CASE_HANDLERS,
  investigate: CASE_HANDLERS,
  escalate: [...CASE_HANDLERS, 'system'],
  resolve: CASE_HANDLERS,
  close: CASE_HANDLERS,
  reopen: CASE_HANDLERS,
};

/** An escalated complaint is the dispute team's: only they (or an admin) resolve it. */
function mayMove(state: ComplaintState, move: ComplaintMove, actor: ComplaintActor): boolean {
  if (move === 'resolve' && state === 'escalated') return DISPUTE_TEAM.includes(actor);
  return MOVERS[move].includes(actor);
}

/** The moves the complaint's state allows, in table order; with an actor, only those that actor may make. */
export function allowedComplaintMoves(state: ComplaintState, actor?: ComplaintActor): ComplaintMove[] {
  const transitions = TRANSITIONS[state];
  return COMPLAINT_MOVES.filter((move) => move in transitions && (actor === undefined || mayMove(state, move, actor)));
}

/**
 * The state a move leads to.
 * @throws ComplaintRuleError IllegalTransition when the state does not allow the move (naming the moves
 * it allows), MoveNotAllowed when the actor may not make it.
 */
export function nextComplaintState(state: ComplaintState, move: ComplaintMove, actor: ComplaintActor): ComplaintState {
  const next = TRANSITIONS[state][move];
  if (next === undefined) {
    const allowed = allowedComplaintMoves(state);
    throw new ComplaintRuleError(
      ComplaintRuleErrorCode.IllegalTransition,
      `cannot ${move} a complaint that is ${state}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}`,
    );
  }
  if (!mayMove(state, move, actor)) {
    throw new ComplaintRuleError(ComplaintRuleErrorCode.MoveNotAllowed, `${actor.replace('_', ' ')} may not ${move} a complaint that is ${state}`);
  }
  return next;
}

const HOUR_MS = 3600_000;

/**
 * A resolved or closed complaint may be reopened until `windowHours` after it was resolved.
 * @throws ComplaintRuleError ReopenWindowClosed from then on.
 */
export function assertCanReopen(resolvedAt: Date, now: Date, windowHours: number): void {
  const closesAt = new Date(resolvedAt.getTime() + windowHours * HOUR_MS);
  if (now.getTime() >= closesAt.getTime()) {
    throw new ComplaintRuleError(ComplaintRuleErrorCode.ReopenWindowClosed, `the reopen window closed at ${closesAt.toISOString()}`);
  }
}

/** States in which the complaint is still being handled: its resolution deadline runs. */
export function isOpenComplaint(state: ComplaintState): boolean {
  return state !== 'resolved' && state !== 'closed';
}

/** The first move out of `new` (or a resolution) is the first response to the customer. */
export function isFirstResponse(from: ComplaintState): boolean {
  return from === 'new';
}

/** Agents see complaints about their calls only once resolved against them, never the customer's reference. */
export function isVisibleToAgent(state: ComplaintState, outcome: ComplaintOutcome | null): boolean {
  return (state === 'resolved' || state === 'closed') && (outcome === 'upheld' || outcome === 'partly_upheld');
}

/** While it is being investigated, the agent may add their account of the call. */
export function agentMayGiveAccount(state: ComplaintState): boolean {
  return state === 'investigating' || state === 'escalated';
}
