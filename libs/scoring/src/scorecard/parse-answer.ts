import { CriterionAnswer } from './scorecard';

/**
 * An answer as sent by a client, reduced to its fields (`kind`, and `value` for a scale), or null when it
 * is not shaped like one. Whether it fits its criterion is `validateAnswers`' job.
 */
export function parseCriterionAnswer(raw: unknown): CriterionAnswer | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const { kind, value } = raw as { kind?: unknown; value?: unknown };
  switch (kind) {
    case 'yes':
    case 'no':
    case 'na':
      return { kind };
    case 'scale':
      // A value that is not a whole number in range is named by validateAnswers.
      return { kind, value: value as number };
    default:
      return null;
  }
}

export const ANSWER_SHAPE = 'must be an answer: {"kind": "yes" | "no" | "na"} or {"kind": "scale", "value": n}';
