import { meanConfidenceInterval, tCriticalValue } from './mean-confidence-interval';

describe('meanConfidenceInterval', () => {
  it('builds a t interval for a small sample', () => {
    // mean 3, sd sqrt(2.5), se sqrt(0.5), t(0.975, 4) = 2.776445
    const sut = meanConfidenceInterval([1, 2, 3, 4, 5]);

    expect(sut.n).toBe(5);
    expect(sut.mean).toBe(3);
    expect(sut.degreesOfFreedom).toBe(4);
    expect(sut.criticalValue).toBeCloseTo(2.776445, 6);
    expect(sut.marginOfError).toBeCloseTo(2.776445 * Math.sqrt(0.5), 6);
    expect(sut.lower).toBeCloseTo(1.036757, 6);
    expect(sut.upper).toBeCloseTo(4.963243, 6);
  });

  it('widens the interval for higher confidence', () => {
    const values = [78, 84, 91, 69, 88, 80];

    const at90 = meanConfidenceInterval(values, { confidence: 0.9 });
    const at99 = meanConfidenceInterval(values, { confidence: 0.99 });

    expect(at99.marginOfError!).toBeGreaterThan(at90.marginOfError!);
    expect(at90.criticalValue).toBeCloseTo(2.015, 3);
    expect(at99.criticalValue).toBeCloseTo(4.032, 3);
  });

  it('reports no interval for a single evaluation', () => {
    const sut = meanConfidenceInterval([72]);

    expect(sut).toMatchObject({ n: 1, mean: 72, sd: null, marginOfError: null, lower: null, upper: null });
  });

  it('rejects an empty sample and a confidence outside (0, 1)', () => {
    expect(() => meanConfidenceInterval([])).toThrow(RangeError);
    expect(() => meanConfidenceInterval([1, 2], { confidence: 95 })).toThrow(RangeError);
  });
});

describe('tCriticalValue', () => {
  it('gives the two-sided value from the t table', () => {
    expect(tCriticalValue(0.95, 10)).toBeCloseTo(2.228, 3);
    expect(tCriticalValue(0.9, 4)).toBeCloseTo(2.132, 3);
  });
});
