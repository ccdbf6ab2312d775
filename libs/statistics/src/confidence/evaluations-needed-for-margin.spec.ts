import fc from 'fast-check';
import { evaluationsNeededForMargin } from './evaluations-needed-for-margin';
import { tCriticalValue } from './mean-confidence-interval';

describe('evaluationsNeededForMargin', () => {
  it('finds the smallest n whose t interval is within the margin', () => {
    // n = 7: t(0.975, 6) / sqrt(7) = 0.925; n = 6: t(0.975, 5) / sqrt(6) = 1.050.
    const sut = evaluationsNeededForMargin({ sd: 1, margin: 1, confidence: 0.95 });

    expect(sut.required).toBe(7);
    expect(sut.sdSource).toBe('sample');
  });

  it('needs more than the normal approximation suggests because t > z', () => {
    // (1.96 * 10 / 2)^2 = 96.04 would say 97; with t it takes 99.
    expect(evaluationsNeededForMargin({ sd: 10, margin: 2 }).required).toBe(99);
  });

  it('counts the additional evaluations beyond those already done', () => {
    const sut = evaluationsNeededForMargin({ sd: 10, n: 12, margin: 2 });

    expect(sut.additional).toBe(99 - 12);
  });

  it('reports no additional evaluations when the margin is already reached', () => {
    expect(evaluationsNeededForMargin({ sd: 1, n: 40, margin: 1 }).additional).toBe(0);
  });

  it('falls back to the prior sd when fewer than two evaluations exist', () => {
    const sut = evaluationsNeededForMargin({ sd: null, n: 1, margin: 1, priorSd: 1 });

    expect(sut).toMatchObject({ required: 7, additional: 6, sdUsed: 1, sdSource: 'prior' });
  });

  it('ignores a sample sd that fewer than two evaluations cannot support', () => {
    expect(evaluationsNeededForMargin({ sd: 0, n: 1, margin: 1, priorSd: 1 }).sdSource).toBe('prior');
  });

  it('refuses to guess when there is neither a sample sd nor a prior', () => {
    expect(() => evaluationsNeededForMargin({ n: 0, margin: 1 })).toThrow(/priorSd/);
  });

  it('needs only two evaluations when scores do not vary', () => {
    expect(evaluationsNeededForMargin({ sd: 0, margin: 0.5 }).required).toBe(2);
  });

  it('is always the smallest n that reaches the margin', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (sd, margin, confidence) => {
          const { required } = evaluationsNeededForMargin({ sd, margin, confidence });
          const halfWidth = (n: number) => (tCriticalValue(confidence, n - 1) * sd) / Math.sqrt(n);

          expect(halfWidth(required)).toBeLessThanOrEqual(margin);
          if (required > 2) expect(halfWidth(required - 1)).toBeGreaterThan(margin);
        },
      ),
    );
  });
});
