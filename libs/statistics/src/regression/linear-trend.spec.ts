import { linearTrend } from './linear-trend';

describe('linearTrend', () => {
  it('finds the exact line through points on it, with a zero-width interval', () => {
    const sut = linearTrend([
      [0, 1],
      [1, 3],
      [2, 5],
      [3, 7],
    ]);
    expect(sut.slope).toBeCloseTo(2, 12);
    expect(sut.intercept).toBeCloseTo(1, 12);
    expect(sut.slopeStandardError).toBeCloseTo(0, 12);
    expect(sut.slopeLower).toBeCloseTo(2, 12);
  });

  it('matches a textbook example: slope, standard error and 95 % interval', () => {
    // x = 1..5, y = 2, 4, 5, 4, 5: slope 0.6, intercept 2.2, residual SS 2.4, Sxx 10, SE sqrt(0.8/10), t(0.975, 3) = 3.182446.
    const sut = linearTrend([
      [1, 2],
      [2, 4],
      [3, 5],
      [4, 4],
      [5, 5],
    ]);
    expect(sut.slope).toBeCloseTo(0.6, 12);
    expect(sut.intercept).toBeCloseTo(2.2, 12);
    expect(sut.slopeStandardError).toBeCloseTo(Math.sqrt(0.08), 12);
    expect(sut.slopeLower).toBeCloseTo(0.6 - 3.182446 * Math.sqrt(0.08), 5);
    expect(sut.slopeUpper).toBeCloseTo(0.6 + 3.182446 * Math.sqrt(0.08), 5);
  });

  it('gives no interval for two points or a single x', () => {
    expect(
      linearTrend([
        [0, 0],
        [1, 1],
      ]).slopeLower,
    ).toBeNull();
    expect(
      linearTrend([
        [2, 0],
        [2, 1],
        [2, 5],
      ]),
    ).toMatchObject({ slope: 0, slopeLower: null });
  });

  it('refuses no points at all', () => {
    expect(() => linearTrend([])).toThrow(RangeError);
  });
});
