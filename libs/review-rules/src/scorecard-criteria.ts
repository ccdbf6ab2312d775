import type { Criterion, Scorecard } from '@callgrade/scoring';

/** The scorecard's criteria in order, sections flattened. */
export function criteriaOf(scorecard: Scorecard): Criterion[] {
  return scorecard.sections.flatMap((section) => section.criteria);
}
