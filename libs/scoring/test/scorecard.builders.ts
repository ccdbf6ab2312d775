import { Criterion, Scorecard, ScorecardSection } from '../src/scorecard/scorecard';

export function aCriterion(id: string, overrides: Partial<Criterion> = {}): Criterion {
  return { id, title: id, weight: 1, mode: 'manual', answerType: { kind: 'yes_no' }, allowNa: false, critical: false, ...overrides };
}

export function aSection(id: string, criteria: Criterion[], weight = 1): ScorecardSection {
  return { id, title: id, weight, criteria };
}

export function aScorecard(sections: ScorecardSection[], overrides: Partial<Scorecard> = {}): Scorecard {
  return { id: 'card', version: 1, title: 'Test card', criticalFailurePolicy: 'zero_total', sections, ...overrides };
}
