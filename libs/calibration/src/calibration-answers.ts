import {
  ANSWER_SHAPE,
  Answers,
  CriterionAnswer,
  evaluateScore,
  parseCriterionAnswer,
  roundPercent,
  Scorecard,
  validateAnswers,
  ValidationIssue,
} from '@callgrade/scoring';

export type CheckedCalibrationAnswers = { ok: true; answers: Answers; percent: number | null } | { ok: false; issues: ValidationIssue[] };

/**
 * A calibration answer sheet must be complete: every criterion answered, or N/A where the criterion
 * allows it, auto criteria included (in calibration people answer them too). Returns the answers
 * reduced to their fields (`kind`, and `value` for a scale) and the total percent, rounded to 0.01.
 */
export function checkCalibrationAnswers(scorecard: Scorecard, input: Readonly<Record<string, unknown>>): CheckedCalibrationAnswers {
  const issues: ValidationIssue[] = [];
  const answers: Record<string, CriterionAnswer> = {};
  for (const [criterionId, raw] of Object.entries(input)) {
    const answer = parseCriterionAnswer(raw);
    if (answer) answers[criterionId] = answer;
    else issues.push({ path: `answers.${criterionId}`, message: ANSWER_SHAPE });
  }
  issues.push(...validateAnswers(scorecard, answers));
  for (const criterion of scorecard.sections.flatMap((section) => section.criteria)) {
    if (Object.hasOwn(input, criterion.id)) continue;
    issues.push({ path: `answers.${criterion.id}`, message: criterion.allowNa ? 'needs an answer (or N/A)' : 'needs an answer' });
  }
  if (issues.length > 0) return { ok: false, issues };
  const { percent } = evaluateScore(scorecard, answers);
  return { ok: true, answers, percent: roundPercent(percent) };
}
