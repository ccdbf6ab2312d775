import { allowedActions, assertCanDispute, disputeDeadline, EvaluationAction, EvaluationState, nextState } from './evaluation-lifecycle';
import { ReviewRuleError, ReviewRuleErrorCode } from './review-rules.error';

const STATES: EvaluationState[] = ['draft', 'submitted', 'acknowledged', 'disputed', 'resolved'];
const ACTIONS: EvaluationAction[] = ['save_draft', 'submit', 'acknowledge', 'dispute', 'resolve'];

const LEGAL: [EvaluationState, EvaluationAction, EvaluationState][] = [
  ['draft', 'save_draft', 'draft'],
  ['draft', 'submit', 'submitted'],
  ['submitted', 'acknowledge', 'acknowledged'],
  ['submitted', 'dispute', 'disputed'],
  ['disputed', 'resolve', 'resolved'],
  ['resolved', 'acknowledge', 'acknowledged'],
];

const ILLEGAL = STATES.flatMap((state) =>
  ACTIONS.filter((action) => !LEGAL.some(([from, via]) => from === state && via === action)).map((action) => ({ state, action })),
);

function errorOf(run: () => unknown): ReviewRuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReviewRuleError) return error;
    throw error;
  }
  throw new Error('expected a ReviewRuleError');
}

describe('nextState', () => {
  it.each(LEGAL)('moves %s --%s--> %s', (state, action, expected) => {
    expect(nextState(state, action)).toBe(expected);
  });

  it('covers every one of the 25 state and action pairs between the two tables', () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(STATES.length * ACTIONS.length);
  });

  it.each(ILLEGAL)('refuses to $action an evaluation that is $state', ({ state, action }) => {
    const error = errorOf(() => nextState(state, action));

    expect(error.code).toBe(ReviewRuleErrorCode.IllegalTransition);
    expect(error.message).toMatch(new RegExp(`^cannot ${action} an evaluation that is ${state}; allowed: `));
  });

  it('names the allowed actions in the message', () => {
    expect(errorOf(() => nextState('draft', 'acknowledge')).message).toBe('cannot acknowledge an evaluation that is draft; allowed: save_draft, submit');
    expect(errorOf(() => nextState('acknowledged', 'dispute')).message).toBe('cannot dispute an evaluation that is acknowledged; allowed: none');
  });
});

describe('allowedActions', () => {
  it.each<[EvaluationState, EvaluationAction[]]>([
    ['draft', ['save_draft', 'submit']],
    ['submitted', ['acknowledge', 'dispute']],
    ['acknowledged', []],
    ['disputed', ['resolve']],
    ['resolved', ['acknowledge']],
  ])('allows %s evaluations %j', (state, expected) => {
    expect(allowedActions(state)).toEqual(expected);
  });

  it('lists exactly the actions nextState accepts', () => {
    for (const state of STATES) {
      expect(allowedActions(state)).toEqual(ACTIONS.filter((action) => LEGAL.some(([from, via]) => from === state && via === action)));
    }
  });
});

describe('disputeDeadline', () => {
  it('adds the window in hours to the publication time', () => {
    expect(disputeDeadline(new Date('2025-03-05T10:00:00.000Z'), 72).toISOString()).toBe('2025-03-08T10:00:00.000Z');
    expect(disputeDeadline(new Date('2025-03-05T10:00:00.000Z'), 1.5).toISOString()).toBe('2025-03-05T11:30:00.000Z');
  });

  it('rejects a negative window and an invalid date', () => {
    expect(() => disputeDeadline(new Date('2025-03-05T10:00:00Z'), -1)).toThrow(RangeError);
    expect(() => disputeDeadline(new Date(Number.NaN), 24)).toThrow(RangeError);
  });
});

describe('assertCanDispute', () => {
  const deadline = new Date('2025-03-08T10:00:00.000Z');

  it('allows a dispute before the deadline', () => {
    expect(() => assertCanDispute(new Date('2025-03-08T09:59:59.999Z'), deadline)).not.toThrow();
  });

  it.each(['2025-03-08T10:00:00.000Z', '2025-03-09T00:00:00.000Z'])('refuses a dispute at %s, naming the deadline', (now) => {
    const error = errorOf(() => assertCanDispute(new Date(now), deadline));

    expect(error.code).toBe(ReviewRuleErrorCode.DisputeWindowClosed);
    expect(error.message).toContain('2025-03-08T10:00:00.000Z');
  });
});
