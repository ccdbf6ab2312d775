import { krippendorffAlpha } from './krippendorff-alpha';

const _ = null;

/**
 * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication,
 * University of Pennsylvania, section C: four observers, twelve units, values 1-5, missing data.
 * Published results: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
 */
const KRIPPENDORFF_2011_OBSERVERS = [
  /* A */ [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  /* B */ [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  /* C */ [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  /* D */ [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const units = KRIPPENDORFF_2011_OBSERVERS[0].map((__, u) => KRIPPENDORFF_2011_OBSERVERS.map((observer) => observer[u]));

describe('krippendorffAlpha', () => {
  it('reproduces the nominal alpha of Krippendorff (2011) exactly', () => {
    const sut = krippendorffAlpha(units, { metric: 'nominal' });

    // 1 - (n - 1) * sum(o_ck) / sum(n_c * n_k), both over c != k: 1 - 39 * 8 / 1216 = 113 / 152.
    expect(sut.alpha).toBeCloseTo(113 / 152, 12);
    expect(sut.alpha).toBeCloseTo(0.743, 3);
    expect(sut.pairableUnits).toBe(11);
    expect(sut.pairableValues).toBe(40);
  });

  it.each([
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('reproduces the %s alpha of Krippendorff (2011)', (metric, published) => {
    expect(krippendorffAlpha(units, { metric }).alpha).toBeCloseTo(published, 3);
  });

  it('ranks string labels by the given order for ordinal data', () => {
    const labels = ['poor', 'fair', 'good', 'very good', 'excellent'];
    const labelled = units.map((unit) => unit.map((value) => (value === null ? null : labels[value - 1])));

    const sut = krippendorffAlpha(labelled, { metric: 'ordinal', order: labels });

    expect(sut.alpha).toBeCloseTo(krippendorffAlpha(units, { metric: 'ordinal' }).alpha!, 12);
  });

  it('ignores the order in which raters are listed within a unit', () => {
    const reversed = units.map((unit) => [...unit].reverse());

    expect(krippendorffAlpha(reversed, { metric: 'interval' }).alpha).toBeCloseTo(0.849, 3);
  });

  it('treats NaN and undefined as missing', () => {
    const withOtherMissing = units.map((unit) => unit.map((value) => (value === null ? Number.NaN : value)));

    expect(krippendorffAlpha(withOtherMissing, { metric: 'nominal' }).alpha).toBeCloseTo(113 / 152, 12);
  });

  it('gives 1 for perfect agreement', () => {
    const sut = krippendorffAlpha(
      [
        ['yes', 'yes'],
        ['no', 'no', 'no'],
        ['yes', _, 'yes'],
      ],
      { metric: 'nominal' },
    );

    expect(sut.alpha).toBe(1);
  });

  it('is undefined (null) when every rater gave the same single value', () => {
    const sut = krippendorffAlpha(
      [
        [3, 3],
        [3, 3, 3],
      ],
      { metric: 'interval' },
    );

    expect(sut.alpha).toBeNull();
  });

  it('is undefined (null) when no unit has two ratings', () => {
    expect(
      krippendorffAlpha(
        [
          [1, _],
          [_, 2],
        ],
        { metric: 'nominal' },
      ).alpha,
    ).toBeNull();
  });

  it('rejects text ratings for interval data and labels missing from an ordinal order', () => {
    expect(() => krippendorffAlpha([['a', 'b']], { metric: 'interval' })).toThrow(TypeError);
    expect(() => krippendorffAlpha([['a', 'z']], { metric: 'ordinal', order: ['a', 'b'] })).toThrow(RangeError);
  });
});
