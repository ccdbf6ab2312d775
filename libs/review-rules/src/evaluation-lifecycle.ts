import { ReviewRuleError, ReviewRuleErrorCode } from './review-rules.error';

export type EvaluationState = 'draft' | 'submitted' | 'acknowledged' | 'disputed' | 'resolved';

export type EvaluationAction = 'save_draft' | 'submit' | 'acknowledge' | 'dispute' | 'resolve';

const HOUR_MS = 60 * 60 * 1000;

const TRANSITIONS: Readonly<Record<EvaluationState, Readonly<Partial<Record<EvaluationAction, EvaluationState>>>>> = {
  draft: { save_draft: 'draft', submit: 'submitted' },
  submitted: { acknowledge: 'acknowledged', dispute: 'disputed' },
  disputed: { resolve: 'resolved' },
  // The agent accepts the outcome of the dispute.
  resolved: { acknowledge: 'acknowledged' },
  acknowledged: {},
};

const ACTION_ORDER: readonly EvaluationAction[] = ['save_draft', 'submit', 'acknowledge', 'dispute', 'resolve'];

/** @throws ReviewRuleError (IllegalTransition) when the action is not allowed in that state. */
export function nextState(state: EvaluationState, action: EvaluationAction): EvaluationState {
  const next = TRANSITIONS[state]?.[action];
  if (next === undefined) {
    const allowed = allowedActions(state);
    throw new ReviewRuleError(
      ReviewRuleErrorCode.IllegalTransition,
      `cannot ${action} an evaluation that is ${state}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}`,
    );
  }
  return next;
}

export function allowedActions(state: EvaluationState): EvaluationAction[] {
  const transitions = TRANSITIONS[state] ?? {};
  return ACTION_ORDER.filter((action) => action in transitions);
}

/** When an agent can no longer dispute an evaluation published at `publishedAt`; disputes must come before it. */
export function disputeDeadline(publishedAt: Date, windowHours: number): Date {
  if (!Number.isFinite(publishedAt.getTime())) throw new RangeError(`publishedAt is not a valid date: ${String(publishedAt)}`);
  if (!Number.isFinite(windowHours) || windowHours < 0) throw new RangeError(`windowHours must be a non-negative number, got ${windowHours}`);
  return new Date(publishedAt.getTime() + windowHours * HOUR_MS);
}

/** @throws ReviewRuleError (DisputeWindowClosed) from the deadline onwards. */
export function assertCanDispute(now: Date, deadline: Date): void {
  if (now.getTime() >= deadline.getTime()) {
    throw new ReviewRuleError(ReviewRuleErrorCode.DisputeWindowClosed, `the dispute window closed at ${deadline.toISOString()}`);
  }
}
