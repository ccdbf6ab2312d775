import { Answers, Criterion, CriterionAnswer, evaluateScore, Scorecard, validateAnswers } from '@callgrade/scoring';
import { itemAgreement, krippendorffAlpha, MaybeRating, Spread, spread } from '@callgrade/statistics';
import { answerFraction } from './answer-fraction';
import { answersEqual } from './answers-equal';
import { byCodeUnits } from './code-unit-order';
import { ReviewRuleError, ReviewRuleErrorCode } from './review-rules.error';
import { criteriaOf } from './scorecard-criteria';

export interface CalibrationResponse {
  reviewerId: string;
  answers: Answers;
}

export interface CalibrationItem {
  recordingId: string;
  responses: readonly CalibrationResponse[];
  /** The answers the calibration lead holds to be right, if any. */
  reference?: Answers | null;
}

export interface CriterionCalibration {
  criterionId: string;
  title: string;
  /** Share (0..1) of reviewer pairs on the same recording who gave the same answer, pooled over recordings; N/A counts as an answer. Null without a pair. */
  agreement: number | null;
  /** Reviewer answers given, N/A included, over all recordings. */
  ratings: number;
  /** Share (0..1) of reviewer answers equal to the reference answer, over recordings whose reference answers this criterion. */
  referenceMatch: number | null;
}

export interface RecordingTotals {
  recordingId: string;
  /** Percent (0..100) the reference answers score, or null. */
  reference: number | null;
  /** Percent (0..100) each reviewer's answers score, sorted by reviewerId; null when nothing is scored. */
  byReviewer: { reviewerId: string; percent: number | null }[];
  /** Over the non-null reviewer percents, in percentage points; null when there are none. */
  spread: Spread | null;
}

export interface ReviewerDeviation {
  reviewerId: string;
  /** Mean of |reviewer percent - reference percent|, in percentage points, over recordings where both exist. */
  meanAbsoluteDeviation: number | null;
  /** Of the (recording, criterion) pairs both the reviewer and the reference answered, those answered differently. */
  criteriaDiffering: number;
  criteriaCompared: number;
}

export interface CalibrationReport {
  /** Distinct reviewers over all recordings. */
  reviewers: number;
  recordings: number;
  criteria: CriterionCalibration[];
  totals: RecordingTotals[];
  reviewerDeviations: ReviewerDeviation[];
  /**
   * Krippendorff's alpha with units = (recording, criterion), raters = reviewers (not the reference),
   * value = share of the criterion earned (0..1); N/A and unanswered are missing.
   */
  reliability: { method: 'krippendorff_alpha'; metric: 'interval'; alpha: number | null; pairableUnits: number };
}

/**
 * How closely reviewers scoring the same recordings agree, with each other and with a reference.
 * Reviewers, totals and deviations are sorted by reviewerId; criteria follow the scorecard.
 *
 * @throws ReviewRuleError (InvalidAnswers) when some answers do not fit the scorecard, with the issues.
 * @throws RangeError when a reviewer answers the same recording twice.
 */
export function calibrationReport(scorecard: Scorecard, items: readonly CalibrationItem[]): CalibrationReport {
  assertValid(scorecard, items);
  const criteria = criteriaOf(scorecard);
  const reviewerIds = [...new Set(items.flatMap((item) => item.responses.map((response) => response.reviewerId)))].sort(byCodeUnits);
  const totals = items.map((item) => recordingTotals(scorecard, item));
  return {
    reviewers: reviewerIds.length,
    recordings: items.length,
    criteria: criteria.map((criterion) => criterionCalibration(criterion, items)),
    totals,
    reviewerDeviations: reviewerIds.map((reviewerId) => reviewerDeviation(reviewerId, criteria, items, totals)),
    reliability: reliability(criteria, items, reviewerIds),
  };
}

function criterionCalibration(criterion: Criterion, items: readonly CalibrationItem[]): CriterionCalibration {
  let ratings = 0;
  let pairs = 0;
  let agreeingPairs = 0;
  let compared = 0;
  let matched = 0;
  for (const item of items) {
    const answers = item.responses.map((response) => response.answers[criterion.id]);
    const { raters, pairwiseAgreement } = itemAgreement(answers.map(answerKey));
    ratings += raters;
    if (pairwiseAgreement !== null) {
      // Pool pairs rather than average per recording, so a recording with more reviewers weighs more.
      const orderedPairs = raters * (raters - 1);
      pairs += orderedPairs;
      agreeingPairs += Math.round(pairwiseAgreement * orderedPairs);
    }
    const reference = item.reference?.[criterion.id];
    if (!reference) continue;
    for (const answer of answers) {
      if (!answer) continue;
      compared++;
      if (answersEqual(answer, reference)) matched++;
    }
  }
  return {
    criterionId: criterion.id,
    title: criterion.title,
    agreement: pairs > 0 ? agreeingPairs / pairs : null,
    ratings,
    referenceMatch: compared > 0 ? matched / compared : null,
  };
}

function recordingTotals(scorecard: Scorecard, item: CalibrationItem): RecordingTotals {
  const byReviewer = [...item.responses]
    .sort((a, b) => byCodeUnits(a.reviewerId, b.reviewerId))
    .map((response) => ({ reviewerId: response.reviewerId, percent: evaluateScore(scorecard, response.answers).percent }));
  const percents = byReviewer.flatMap((entry) => (entry.percent === null ? [] : [entry.percent]));
  return {
    recordingId: item.recordingId,
    reference: item.reference ? evaluateScore(scorecard, item.reference).percent : null,
    byReviewer,
    spread: percents.length > 0 ? spread(percents) : null,
  };
}

function reviewerDeviation(
  reviewerId: string,
  criteria: readonly Criterion[],
  items: readonly CalibrationItem[],
  totals: readonly RecordingTotals[],
): ReviewerDeviation {
  let deviationSum = 0;
  let deviations = 0;
  let criteriaCompared = 0;
  let criteriaDiffering = 0;
  items.forEach((item, i) => {
    const response = item.responses.find((candidate) => candidate.reviewerId === reviewerId);
    if (!response || !item.reference) return;
    const percent = totals[i].byReviewer.find((entry) => entry.reviewerId === reviewerId)!.percent;
    const reference = totals[i].reference;
    if (percent !== null && reference !== null) {
      deviationSum += Math.abs(percent - reference);
      deviations++;
    }
    for (const { id } of criteria) {
      const answer = response.answers[id];
      const expected = item.reference[id];
      if (!answer || !expected) continue;
      criteriaCompared++;
      if (!answersEqual(answer, expected)) criteriaDiffering++;
    }
  });
  return { reviewerId, meanAbsoluteDeviation: deviations > 0 ? deviationSum / deviations : null, criteriaDiffering, criteriaCompared };
}

function reliability(criteria: readonly Criterion[], items: readonly CalibrationItem[], reviewerIds: readonly string[]): CalibrationReport['reliability'] {
  const units: MaybeRating[][] = [];
  for (const item of items) {
    const answersBy = new Map(item.responses.map((response) => [response.reviewerId, response.answers]));
    for (const criterion of criteria) {
      units.push(
        reviewerIds.map((reviewerId) => {
          const answer = answersBy.get(reviewerId)?.[criterion.id];
          return answer ? answerFraction(criterion, answer) : null;
        }),
      );
    }
  }
  const { alpha, pairableUnits } = krippendorffAlpha(units, { metric: 'interval' });
  return { method: 'krippendorff_alpha', metric: 'interval', alpha, pairableUnits };
}

/** A label itemAgreement can compare: equal labels mean answersEqual. */
function answerKey(answer: CriterionAnswer | undefined): string | null {
  if (!answer) return null;
  return answer.kind === 'scale' ? `scale:${answer.value}` : answer.kind;
}

function assertValid(scorecard: Scorecard, items: readonly CalibrationItem[]): void {
  const issues = items.flatMap((item, i) => {
    const seen = new Set<string>();
    const responseIssues = item.responses.flatMap((response, r) => {
      if (seen.has(response.reviewerId)) {
        throw new RangeError(`recording ${item.recordingId}: reviewer ${response.reviewerId} answered more than once`);
      }
      seen.add(response.reviewerId);
      return validateAnswers(scorecard, response.answers).map((issue) => ({ ...issue, path: `items[${i}].responses[${r}].${issue.path}` }));
    });
    // validateAnswers names paths "answers.<id>"; the reference is the answers object itself.
    const referenceIssues = item.reference
      ? validateAnswers(scorecard, item.reference).map((issue) => ({ ...issue, path: `items[${i}].reference.${issue.path.replace(/^answers\./, '')}` }))
      : [];
    return [...responseIssues, ...referenceIssues];
  });
  if (issues.length > 0) {
    throw new ReviewRuleError(ReviewRuleErrorCode.InvalidAnswers, `calibration answers do not fit scorecard ${scorecard.id} v${scorecard.version}`, issues);
  }
}
