import type { Criterion, Scorecard, ScorecardSection } from '@callgrade/scoring';
import type { PickToAssign } from '../src/reviewer-balancer';

let sequence = 0;

export function aPick(overrides: Partial<PickToAssign> = {}): PickToAssign {
  sequence++;
  return { callId: `call-${String(sequence).padStart(4, '0')}`, agentId: 'agent-a', agentTeamId: 'team-1', ...overrides };
}

export function aCriterion(id: string, overrides: Partial<Criterion> = {}): Criterion {
  return { id, title: `Title of ${id}`, weight: 1, mode: 'manual', answerType: { kind: 'yes_no' }, allowNa: false, critical: false, ...overrides };
}

export function anAutoCriterion(id: string, overrides: Partial<Criterion> = {}): Criterion {
  return aCriterion(id, { mode: 'auto', check: { kind: 'closing_thanks' }, ...overrides });
}

export function aSection(id: string, criteria: Criterion[], weight = 1): ScorecardSection {
  return { id, title: id, weight, criteria };
}

export function aScorecard(sections: ScorecardSection[], overrides: Partial<Scorecard> = {}): Scorecard {
  return { id: 'card', version: 1, title: 'Test card', criticalFailurePolicy: 'flag_only', sections, ...overrides };
}

/**
 * Two sections:
 * - opening (weight 1): `greeting` auto yes/no, `empathy` manual scale 0..4
 * - closing (weight 1): `thanks` auto yes/no allowing N/A, `resolution` manual yes/no allowing N/A
 */
export function aReviewScorecard(): Scorecard {
  return aScorecard([
    aSection('opening', [
      anAutoCriterion('greeting', { check: { kind: 'greeting_company' } }),
      aCriterion('empathy', { answerType: { kind: 'scale', max: 4 } }),
    ]),
    aSection('closing', [anAutoCriterion('thanks', { allowNa: true }), aCriterion('resolution', { allowNa: true })]),
  ]);
}
