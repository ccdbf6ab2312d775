import {
  agentMayGiveAccount,
  allowedComplaintMoves,
  assertCanReopen,
  COMPLAINT_MOVES,
  COMPLAINT_STATES,
  ComplaintActor,
  ComplaintMove,
  ComplaintState,
  isVisibleToAgent,
  nextComplaintState,
} from './complaint-lifecycle';
import { ComplaintRuleError, ComplaintRuleErrorCode } from './complaint-rules.error';

const LEGAL: [ComplaintState, ComplaintMove, ComplaintState][] = [
  ['new', 'triage', 'triaged'],
  ['new', 'escalate', 'escalated'],
  ['new', 'resolve', 'resolved'],
  ['triaged', 'investigate', 'investigating'],
  ['triaged', 'escalate', 'escalated'],
  ['triaged', 'resolve', 'resolved'],
  ['investigating', 'escalate', 'escalated'],
  ['investigating', 'resolve', 'resolved'],
  ['escalated', 'resolve', 'resolved'],
  ['resolved', 'close', 'closed'],
  ['resolved', 'reopen', 'reopened'],
  ['closed', 'reopen', 'reopened'],
  ['reopened', 'investigate', 'investigating'],
  ['reopened', 'escalate', 'escalated'],
  ['reopened', 'resolve', 'resolved'],
];

const ILLEGAL = COMPLAINT_STATES.flatMap((state) =>
  COMPLAINT_MOVES.filter((move) => !LEGAL.some(([from, via]) => from === state && via === move)).map((move) => ({ state, move })),
);

function errorOf(run: () => unknown): ComplaintRuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof ComplaintRuleError) return error;
    throw error;
  }
  throw new Error('expected a ComplaintRuleError');
}

describe('nextComplaintState', () => {
  it.each(LEGAL)('moves %s --%s--> %s for an admin', (state, move, expected) => {
    expect(nextComplaintState(state, move, 'admin')).toBe(expected);
  });

  it('covers all 42 state and move pairs between the two tables', () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(42);
  });

  it.each(ILLEGAL)('refuses to $move a complaint that is $state, naming the allowed moves', ({ state, move }) => {
    const error = errorOf(() => nextComplaintState(state, move, 'admin'));
    expect(error.code).toBe(ComplaintRuleErrorCode.IllegalTransition);
    expect(error.message).toMatch(new RegExp(`^cannot ${move} a complaint that is ${state}; allowed: `));
  });

  it('writes the allowed moves out in words', () => {
    expect(errorOf(() => nextComplaintState('escalated', 'triage', 'admin')).message).toBe('cannot triage a complaint that is escalated; allowed: resolve');
    expect(errorOf(() => nextComplaintState('closed', 'close', 'admin')).message).toBe('cannot close a complaint that is closed; allowed: reopen');
  });

  it.each<ComplaintActor>(['agent', 'trainer', 'api_key'])('never lets %s move a complaint', (actor) => {
    for (const [state, move] of LEGAL) {
      expect(errorOf(() => nextComplaintState(state, move, actor)).code).toBe(ComplaintRuleErrorCode.MoveNotAllowed);
    }
  });

  it('lets only the dispute team or an admin resolve an escalated complaint', () => {
    expect(nextComplaintState('escalated', 'resolve', 'dispute_team')).toBe('resolved');
    expect(nextComplaintState('escalated', 'resolve', 'admin')).toBe('resolved');
    const error = errorOf(() => nextComplaintState('escalated', 'resolve', 'qa_supervisor'));
    expect(error.code).toBe(ComplaintRuleErrorCode.MoveNotAllowed);
    expect(error.message).toBe('qa supervisor may not resolve a complaint that is escalated');
    expect(nextComplaintState('investigating', 'resolve', 'qa_supervisor')).toBe('resolved');
  });

  it('lets the platform escalate on a breach, and do nothing else', () => {
    expect(nextComplaintState('triaged', 'escalate', 'system')).toBe('escalated');
    expect(errorOf(() => nextComplaintState('new', 'triage', 'system')).code).toBe(ComplaintRuleErrorCode.MoveNotAllowed);
  });

  it('lists only the moves an actor may make when asked for that actor', () => {
    expect(allowedComplaintMoves('escalated', 'qa_supervisor')).toEqual([]);
    expect(allowedComplaintMoves('escalated', 'dispute_team')).toEqual(['resolve']);
    expect(allowedComplaintMoves('new')).toEqual(['triage', 'escalate', 'resolve']);
    expect(allowedComplaintMoves('new', 'agent')).toEqual([]);
  });
});

describe('assertCanReopen', () => {
  const resolvedAt = new Date('2026-11-02T10:00:00Z');

  it('allows reopening until the window closes', () => {
    expect(() => assertCanReopen(resolvedAt, new Date('2026-11-09T09:59:59Z'), 7 * 24)).not.toThrow();
  });

  it('refuses from the moment the window closes, saying when it closed', () => {
    const error = errorOf(() => assertCanReopen(resolvedAt, new Date('2026-11-09T10:00:00Z'), 7 * 24));
    expect(error.code).toBe(ComplaintRuleErrorCode.ReopenWindowClosed);
    expect(error.message).toBe('the reopen window closed at 2026-11-09T10:00:00.000Z');
  });
});

describe('what agents see and do', () => {
  it('shows a complaint to its agent only once resolved as upheld or partly upheld', () => {
    expect(isVisibleToAgent('resolved', 'upheld')).toBe(true);
    expect(isVisibleToAgent('closed', 'partly_upheld')).toBe(true);
    expect(isVisibleToAgent('resolved', 'not_upheld')).toBe(false);
    expect(isVisibleToAgent('investigating', null)).toBe(false);
    expect(isVisibleToAgent('reopened', 'upheld')).toBe(false);
  });

  it('takes the agent’s account only while the complaint is investigated', () => {
    expect(COMPLAINT_STATES.filter(agentMayGiveAccount)).toEqual(['investigating', 'escalated']);
  });
});
