import { AutoCheck } from '../auto-checks/auto-check.types';

export type AnswerType = { kind: 'yes_no' } | { kind: 'scale'; max: number };

export type CriterionMode = 'auto' | 'manual';

export interface Criterion {
  id: string;
  title: string;
  description?: string;
  weight: number;
  mode: CriterionMode;
  answerType: AnswerType;
  allowNa: boolean;
  /** Failing it flags the whole evaluation (and, by policy, zeroes the total). */
  critical: boolean;
  /** Required for auto criteria. */
  check?: AutoCheck;
}

export interface ScorecardSection {
  id: string;
  title: string;
  weight: number;
  criteria: Criterion[];
}

/** What a critical failure does to the total: zero it, or only flag it. */
export type CriticalFailurePolicy = 'zero_total' | 'flag_only';

/** One immutable version of a scorecard; evaluations point at the version they were scored with. */
export interface Scorecard {
  id: string;
  version: number;
  title: string;
  sections: ScorecardSection[];
  criticalFailurePolicy: CriticalFailurePolicy;
}

export type CriterionAnswer = { kind: 'yes' } | { kind: 'no' } | { kind: 'na' } | { kind: 'scale'; value: number };

export type Answers = Readonly<Record<string, CriterionAnswer>>;

export const yes: CriterionAnswer = { kind: 'yes' };
export const no: CriterionAnswer = { kind: 'no' };
export const na: CriterionAnswer = { kind: 'na' };
export const scale = (value: number): CriterionAnswer => ({ kind: 'scale', value });
