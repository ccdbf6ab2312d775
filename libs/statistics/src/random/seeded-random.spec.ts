import fc from 'fast-check';
import { createSeededRandom, createXoshiro128StarStar } from './seeded-random';

describe('createSeededRandom', () => {
  it('matches the xoshiro128** reference output for state [1, 2, 3, 4]', () => {
    const sut = createXoshiro128StarStar([1, 2, 3, 4]);

    const outputs = Array.from({ length: 6 }, () => sut.nextUint32());

    // Values from the reference C implementation (Blackman & Vigna), reproduced with a uint32 Python port.
    expect(outputs).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('produces a pinned stream for a string seed, so plans replay identically on any platform', () => {
    const sut = createSeededRandom('callgrade');

    const outputs = Array.from({ length: 5 }, () => sut.nextUint32());

    // Pinned from this implementation and cross-checked with an independent Python port of cyrb128 + xoshiro128**.
    expect(outputs).toEqual([268610616, 1512910270, 3172952086, 2176178632, 2353746336]);
  });

  it('repeats the same sequence for the same seed parts', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 3 }), (parts) => {
        const a = createSeededRandom(...parts);
        const b = createSeededRandom(...parts);
        for (let i = 0; i < 20; i++) expect(a.nextUint32()).toBe(b.nextUint32());
      }),
    );
  });

  it('gives different sequences for seeds that differ only in how parts are split', () => {
    const joined = createSeededRandom('a:b', 'c');
    const split = createSeededRandom('a', 'b:c');

    expect(joined.nextUint32()).not.toBe(split.nextUint32());
  });

  it('treats a number seed and its string form as the same seed', () => {
    expect(createSeededRandom(42).nextUint32()).toBe(createSeededRandom('42').nextUint32());
  });

  it('returns floats in [0, 1)', () => {
    const sut = createSeededRandom('floats');
    const draws = Array.from({ length: 10_000 }, () => sut.next());

    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });

  it('returns integers below the bound with roughly equal frequency', () => {
    const sut = createSeededRandom('uniformity');
    const buckets = new Array<number>(7).fill(0);
    const draws = 70_000;

    for (let i = 0; i < draws; i++) buckets[sut.nextInt(7)]++;

    const expected = draws / 7;
    const chiSquare = buckets.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // 6 degrees of freedom: 22.46 is the 0.999 quantile.
    expect(chiSquare).toBeLessThan(22.46);
  });

  it('rejects a bound that is not a positive integer', () => {
    const sut = createSeededRandom('bounds');

    expect(() => sut.nextInt(0)).toThrow(RangeError);
    expect(() => sut.nextInt(2.5)).toThrow(RangeError);
  });
});
