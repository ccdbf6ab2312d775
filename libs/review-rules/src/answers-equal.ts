import type { CriterionAnswer } from '@callgrade/scoring';

/** Same kind and, for a scale, the same value. */
export function answersEqual(a: CriterionAnswer, b: CriterionAnswer): boolean {
  if (a.kind === 'scale' && b.kind === 'scale') return a.value === b.value;
  return a.kind === b.kind;
}
