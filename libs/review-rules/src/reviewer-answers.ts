import { Answers, CriterionAnswer, Scorecard, validateAnswers, ValidationIssue } from '@callgrade/scoring';
import { answersEqual } from './answers-equal';
import { criteriaOf } from './scorecard-criteria';

export interface ReviewerInput {
  answers: Record<string, CriterionAnswer>;
  overrideReasons?: Record<string, string>;
}

export interface AutoAgreement {
  criterionId: string;
  autoAnswer: CriterionAnswer;
  humanAnswer: CriterionAnswer;
  agreed: boolean;
}

export interface AutoOverride {
  criterionId: string;
  autoAnswer: CriterionAnswer;
  humanAnswer: CriterionAnswer;
  /** Trimmed; empty when missing, in which case `issues` says so. */
  reason: string;
}

export interface PreparedAnswers {
  /** Final answers: the automatic ones, then the reviewer's on top. */
  answers: Answers;
  overrides: AutoOverride[];
  agreements: AutoAgreement[];
  issues: ValidationIssue[];
}

export interface AutoAnswer {
  criterionId: string;
  answer?: CriterionAnswer;
}

/**
 * Merges a reviewer's answers over the automatic results. Answering an auto criterion records whether the
 * reviewer agreed with the machine; disagreeing is an override and needs a reason. Agreements and overrides
 * come in scorecard order. The merged answers are returned even when there are issues, so a draft can be kept.
 */
export function prepareReviewerAnswers(
  scorecard: Scorecard,
  autoResults: readonly AutoAnswer[] | null,
  input: ReviewerInput,
  options: { requireComplete: boolean },
): PreparedAnswers {
  const criteria = criteriaOf(scorecard);
  const autoAnswers = autoAnswersOf(scorecard, autoResults);
  const issues: ValidationIssue[] = [];
  const answers: Record<string, CriterionAnswer> = Object.fromEntries(autoAnswers);
  for (const [criterionId, answer] of Object.entries(input.answers)) {
    if (answer === null || typeof answer !== 'object') issues.push({ path: `answers.${criterionId}`, message: 'must be an answer' });
    else answers[criterionId] = answer;
  }
  issues.push(...validateAnswers(scorecard, answers));

  const reasons = input.overrideReasons ?? {};
  const agreements: AutoAgreement[] = [];
  const overrides: AutoOverride[] = [];
  for (const { id: criterionId } of criteria) {
    const autoAnswer = autoAnswers.get(criterionId);
    const humanAnswer = Object.hasOwn(input.answers, criterionId) ? answers[criterionId] : undefined;
    if (!autoAnswer || !humanAnswer) continue;
    const agreed = answersEqual(autoAnswer, humanAnswer);
    agreements.push({ criterionId, autoAnswer, humanAnswer, agreed });
    if (agreed) continue;
    const reason = typeof reasons[criterionId] === 'string' ? reasons[criterionId].trim() : '';
    if (reason === '') issues.push({ path: `overrideReasons.${criterionId}`, message: 'a reason is required to override the automatic result' });
    overrides.push({ criterionId, autoAnswer, humanAnswer, reason });
  }
  const overridden = new Set(overrides.map((override) => override.criterionId));
  for (const [criterionId, reason] of Object.entries(reasons)) {
    // A blank reason is no reason: forms send empty fields for every criterion.
    if (!overridden.has(criterionId) && !(typeof reason === 'string' && reason.trim() === '')) {
      issues.push({ path: `overrideReasons.${criterionId}`, message: 'only an overridden automatic result takes a reason' });
    }
  }

  if (options.requireComplete) {
    for (const { id } of criteria) {
      if (!answers[id]) issues.push({ path: `answers.${id}`, message: 'needs an answer before the evaluation can be submitted' });
    }
  }
  return { answers, overrides, agreements, issues };
}

/** Answers the machine gave to the scorecard's auto criteria; results for other criteria are ignored. */
function autoAnswersOf(scorecard: Scorecard, autoResults: readonly AutoAnswer[] | null): Map<string, CriterionAnswer> {
  const autoIds = new Set(
    criteriaOf(scorecard)
      .filter((criterion) => criterion.mode === 'auto')
      .map((criterion) => criterion.id),
  );
  const answers = new Map<string, CriterionAnswer>();
  for (const { criterionId, answer } of autoResults ?? []) {
    if (answer && autoIds.has(criterionId)) answers.set(criterionId, answer);
  }
  return answers;
}
