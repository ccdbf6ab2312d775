import { aCriterion, aScorecard, aSection } from '../../test/scorecard.builders';
import { ScoringError, ScoringErrorCode } from '../scoring-error';
import { evaluateScore } from './evaluate-score';
import { na, no, scale, yes } from './scorecard';

describe('evaluateScore', () => {
  const rated = { answerType: { kind: 'scale' as const, max: 4 } };

  it('gives full points for yes, none for no and n/N for a scale', () => {
    const card = aScorecard([aSection('s', [aCriterion('a'), aCriterion('b'), aCriterion('c', rated)])]);

    const sut = evaluateScore(card, { a: yes, b: no, c: scale(3) });

    expect(sut.percent).toBeCloseTo((100 * (1 + 0 + 0.75)) / 3);
    expect(sut.sections[0].criteria.map((c) => c.fraction)).toEqual([1, 0, 0.75]);
    expect(sut.complete).toBe(true);
  });

  it('weighs criteria within a section', () => {
    const card = aScorecard([aSection('s', [aCriterion('a', { weight: 3 }), aCriterion('b', { weight: 1 })])]);

    expect(evaluateScore(card, { a: yes, b: no }).percent).toBe(75);
  });

  it('weighs sections by their weights', () => {
    const card = aScorecard([aSection('s1', [aCriterion('a')], 30), aSection('s2', [aCriterion('b')], 10)]);

    expect(evaluateScore(card, { a: yes, b: no }).percent).toBe(75);
  });

  it('leaves N/A out of the denominator', () => {
    const card = aScorecard([aSection('s', [aCriterion('a'), aCriterion('b', { allowNa: true })])]);

    expect(evaluateScore(card, { a: yes, b: na }).percent).toBe(100);
  });

  it('leaves a section with only N/A answers out of the total', () => {
    const card = aScorecard([aSection('s1', [aCriterion('a')], 1), aSection('s2', [aCriterion('b', { allowNa: true })], 9)]);

    const sut = evaluateScore(card, { a: no, b: na });

    expect(sut.percent).toBe(0);
    expect(sut.sections[1].percent).toBeNull();
  });

  it('scores answered criteria and reports the rest as pending', () => {
    const card = aScorecard([aSection('s', [aCriterion('a'), aCriterion('b')])]);

    const sut = evaluateScore(card, { a: yes });

    expect(sut).toMatchObject({ percent: 100, complete: false });
    expect(sut.sections[0].criteria[1].status).toBe('pending');
  });

  it('returns no total when nothing is scored', () => {
    const card = aScorecard([aSection('s', [aCriterion('a')])]);

    expect(evaluateScore(card, {})).toMatchObject({ percent: null, rawPercent: null });
  });

  it('zeroes the total on a critical failure when the policy says so', () => {
    const card = aScorecard([aSection('s', [aCriterion('a'), aCriterion('b', { critical: true })])]);

    const sut = evaluateScore(card, { a: yes, b: no });

    expect(sut).toMatchObject({ percent: 0, rawPercent: 50, criticalFailures: ['b'] });
  });

  it('only flags a critical failure under the flag-only policy', () => {
    const card = aScorecard([aSection('s', [aCriterion('a'), aCriterion('b', { critical: true })])], { criticalFailurePolicy: 'flag_only' });

    expect(evaluateScore(card, { a: yes, b: no })).toMatchObject({ percent: 50, criticalFailures: ['b'] });
  });

  it('counts a critical scale criterion as failed only when it earns nothing', () => {
    const card = aScorecard([aSection('s', [aCriterion('a', { ...rated, critical: true })])]);

    expect(evaluateScore(card, { a: scale(1) }).criticalFailures).toEqual([]);
    expect(evaluateScore(card, { a: scale(0) }).criticalFailures).toEqual(['a']);
  });

  it('throws a coded error naming the answer that does not fit', () => {
    const card = aScorecard([aSection('s', [aCriterion('a')])]);

    expect(() => evaluateScore(card, { a: na })).toThrow(ScoringError);
    try {
      evaluateScore(card, { a: na });
    } catch (error) {
      expect(error).toMatchObject({ code: ScoringErrorCode.InvalidAnswers, issues: [{ path: 'answers.a' }] });
    }
  });
});
