import { defaultScorecard, Scorecard } from '@callgrade/scoring';
import { checkCalibrationAnswers } from './calibration-answers';

describe('checkCalibrationAnswers', () => {
  const scorecard: Scorecard = defaultScorecard();
  const full = (): Record<string, unknown> =>
    Object.fromEntries(
      scorecard.sections
        .flatMap((s) => s.criteria)
        .map((c) => [c.id, c.answerType.kind === 'scale' ? { kind: 'scale', value: c.answerType.max } : { kind: 'yes' }]),
    );

  it('accepts a complete sheet, keeps only the answer fields and rounds the total to 0.01', () => {
    const sut = checkCalibrationAnswers(scorecard, {
      ...full(),
      empathy: { kind: 'scale', value: 4, note: 'x' },
      greeting_agent_name: { kind: 'na', extra: true },
    });
    expect(sut).toEqual({
      ok: true,
      answers: expect.objectContaining({ empathy: { kind: 'scale', value: 4 }, greeting_agent_name: { kind: 'na' } }),
      percent: 98.57,
    });
  });

  it('names every criterion left unanswered, saying where N/A would do', () => {
    const { empathy: _e, required_disclosure: _r, ...rest } = full();
    const sut = checkCalibrationAnswers(scorecard, rest);
    expect(sut).toEqual({
      ok: false,
      issues: [
        { path: 'answers.empathy', message: 'needs an answer' },
        { path: 'answers.required_disclosure', message: 'needs an answer (or N/A)' },
      ],
    });
  });

  it('rejects answers that are not answer objects, do not fit, or name no criterion', () => {
    const sut = checkCalibrationAnswers(scorecard, {
      ...full(),
      clarity: null,
      polite_forms: { kind: 'scale', value: 3 },
      resolution: { kind: 'scale' },
      bogus: { kind: 'yes' },
    });
    expect(sut.ok).toBe(false);
    expect(!sut.ok && sut.issues.map((i) => i.path).sort()).toEqual(['answers.bogus', 'answers.clarity', 'answers.polite_forms', 'answers.resolution.value']);
  });

  it('gives a zero total when a critical criterion fails', () => {
    const sut = checkCalibrationAnswers(scorecard, { ...full(), no_forbidden_phrases: { kind: 'no' } });
    expect(sut).toMatchObject({ ok: true, percent: 0 });
  });
});
