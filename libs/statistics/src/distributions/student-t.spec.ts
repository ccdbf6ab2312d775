import fc from 'fast-check';
import { normalQuantile } from './normal';
import { logGamma, regularizedIncompleteBeta } from './special-functions';
import { studentTCdf, studentTQuantile } from './student-t';

describe('studentTQuantile', () => {
  // Published one-sided critical values of Student's t (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
  it.each([
    [0.95, 4, 2.132],
    [0.975, 10, 2.228],
    [0.995, 1, 63.657],
    [0.975, 2, 4.303],
    [0.975, 3, 3.182],
    [0.95, 9, 1.833],
    [0.975, 30, 2.042],
    [0.9, 20, 1.325],
    [0.999, 5, 5.893],
    [0.9995, 3, 12.924],
    [0.975, 120, 1.98],
  ])('matches the t table at p=%s with %s degrees of freedom', (p, df, tabled) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(tabled, 3);
  });

  it('approaches the normal quantile for large degrees of freedom', () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5);
    expect(studentTQuantile(0.975, 1e9)).toBeCloseTo(1.959964, 5);
  });

  it('is symmetric around zero', () => {
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-studentTQuantile(0.975, 10), 12);
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it('inverts the CDF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.0005, max: 0.9995, noNaN: true }),
        fc.oneof(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0.5, max: 5000, noNaN: true })),
        (p, df) => {
          // 1e-9: the regularised incomplete beta behind the CDF is accurate to about 1e-10 near the median.
          expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
        },
      ),
    );
  });

  it('rejects probabilities outside (0, 1) and non-positive degrees of freedom', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('studentTCdf', () => {
  it('matches the Cauchy distribution at one degree of freedom', () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(studentTCdf(-3, 1)).toBeCloseTo(0.5 + Math.atan(-3) / Math.PI, 12);
  });
});

describe('special functions', () => {
  it('computes log gamma of known values', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
  });

  it('computes the incomplete beta where it has a closed form', () => {
    // I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b.
    expect(regularizedIncompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 12);
    expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 12);
  });
});

describe('normalQuantile', () => {
  it('matches standard normal critical values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
  });
});
