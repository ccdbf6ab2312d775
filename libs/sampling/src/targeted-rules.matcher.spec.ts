import fc from 'fast-check';
import { nearestRankPercentile } from './targeted-rules.matcher';

describe('nearestRankPercentile', () => {
  it('returns the smallest value that at least p% of values do not exceed', () => {
    expect(nearestRankPercentile(Float64Array.of(15, 20, 35, 40, 50), 30)).toBe(20);
    expect(nearestRankPercentile(Float64Array.of(15, 20, 35, 40, 50), 40)).toBe(20);
    expect(nearestRankPercentile(Float64Array.of(50, 40, 35, 20, 15), 50)).toBe(35);
    expect(nearestRankPercentile(Float64Array.of(15, 20, 35, 40, 50), 99)).toBe(50);
  });

  it('matches the sorted definition for any values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0.01, max: 99.99, noNaN: true }),
        (values, percentile) => {
          const sorted = [...values].sort((a, b) => a - b);
          const rank = Math.max(1, Math.ceil((percentile / 100) * values.length));

          expect(nearestRankPercentile(Float64Array.from(values), percentile)).toBe(sorted[rank - 1]);
        },
      ),
    );
  });
});
