import type { Criterion, CriterionAnswer } from '@callgrade/scoring';

/** Share of the criterion the answer earns, 0..1 (yes 1, no 0, scale value/max); null for N/A. */
export function answerFraction(criterion: Criterion, answer: CriterionAnswer): number | null {
  switch (answer.kind) {
    case 'yes':
      return 1;
    case 'no':
      return 0;
    case 'na':
      return null;
    case 'scale':
      return criterion.answerType.kind === 'scale' ? answer.value / criterion.answerType.max : null;
  }
}
