import { ScoringError, ScoringErrorCode } from '../scoring-error';
import { Answers, Criterion, CriterionAnswer, Scorecard } from './scorecard';
import { validateAnswers } from './validate-scorecard';

export type CriterionStatus = 'scored' | 'na' | 'pending';

export interface CriterionScore {
  criterionId: string;
  status: CriterionStatus;
  /** Share of the criterion earned, 0..1 (yes = 1, no = 0, scale n/N); 0 unless scored. */
  fraction: number;
  weight: number;
  criticalFailure: boolean;
}

export interface SectionScore {
  sectionId: string;
  weight: number;
  /** 0..100 over the scored criteria, or null when none is scored (all N/A or pending). */
  percent: number | null;
  criteria: CriterionScore[];
}

export interface ScoreBreakdown {
  /** 0..100 after the critical failure policy, or null when nothing is scored. */
  percent: number | null;
  /** 0..100 before the critical failure policy. */
  rawPercent: number | null;
  criticalFailures: string[];
  /** False while some criterion still waits for an answer. */
  complete: boolean;
  sections: SectionScore[];
}

function fractionOf(criterion: Criterion, answer: CriterionAnswer): number {
  switch (answer.kind) {
    case 'yes':
      return 1;
    case 'no':
    case 'na':
      return 0;
    case 'scale':
      return criterion.answerType.kind === 'scale' ? answer.value / criterion.answerType.max : 0;
  }
}

/**
 * Total of an evaluation: each criterion earns its weight times the share it got; N/A and unanswered
 * criteria leave the denominator; sections combine by their weights over the sections with anything
 * scored. A critical criterion that earns nothing is a critical failure.
 *
 * @throws ScoringError (InvalidAnswers) when an answer does not fit its criterion.
 */
export function evaluateScore(scorecard: Scorecard, answers: Answers): ScoreBreakdown {
  const issues = validateAnswers(scorecard, answers);
  if (issues.length > 0) throw new ScoringError(ScoringErrorCode.InvalidAnswers, issues);

  const criticalFailures: string[] = [];
  let complete = true;
  let earned = 0;
  let possible = 0;
  const sections: SectionScore[] = scorecard.sections.map((section) => {
    let sectionEarned = 0;
    let sectionPossible = 0;
    const criteria = section.criteria.map((criterion): CriterionScore => {
      const answer = answers[criterion.id];
      if (!answer) {
        complete = false;
        return { criterionId: criterion.id, status: 'pending', fraction: 0, weight: criterion.weight, criticalFailure: false };
      }
      if (answer.kind === 'na') {
        return { criterionId: criterion.id, status: 'na', fraction: 0, weight: criterion.weight, criticalFailure: false };
      }
      const fraction = fractionOf(criterion, answer);
      const criticalFailure = criterion.critical && fraction === 0;
      if (criticalFailure) criticalFailures.push(criterion.id);
      sectionEarned += fraction * criterion.weight;
      sectionPossible += criterion.weight;
      return { criterionId: criterion.id, status: 'scored', fraction, weight: criterion.weight, criticalFailure };
    });
    const percent = sectionPossible > 0 ? (100 * sectionEarned) / sectionPossible : null;
    if (percent !== null) {
      earned += section.weight * percent;
      possible += section.weight;
    }
    return { sectionId: section.id, weight: section.weight, percent, criteria };
  });

  const rawPercent = possible > 0 ? earned / possible : null;
  const zeroed = criticalFailures.length > 0 && scorecard.criticalFailurePolicy === 'zero_total';
  return { percent: zeroed ? 0 : rawPercent, rawPercent, criticalFailures, complete, sections };
}

/** Totals are stored and shown with two decimals. */
export const roundPercent = (percent: number | null): number | null => (percent === null ? null : Math.round(percent * 100) / 100);
