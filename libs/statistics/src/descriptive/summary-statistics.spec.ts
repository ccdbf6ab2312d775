import { mean, sampleStandardDeviation, sampleVariance, spread } from './summary-statistics';

describe('spread', () => {
  it('summarises min, max, range, mean and sample sd', () => {
    const sut = spread([2, 4, 4, 4, 5, 5, 7, 9]);

    expect(sut).toEqual({ n: 8, min: 2, max: 9, range: 7, mean: 5, sd: expect.closeTo(Math.sqrt(32 / 7), 12) });
  });

  it('leaves sd null for a single value', () => {
    expect(spread([80]).sd).toBeNull();
  });

  it('stays accurate when values are large and close together', () => {
    expect(sampleVariance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBeCloseTo(30, 6);
  });

  it('rejects an empty sample and non-finite values', () => {
    expect(() => spread([])).toThrow(RangeError);
    expect(() => mean([1, Number.NaN])).toThrow(RangeError);
  });

  it('exposes the mean and sd on their own', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sampleStandardDeviation([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });
});
