export interface SeededRandom {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform integer in [0, maxExclusive), without modulo bias. */
  nextInt(maxExclusive: number): number;
}

export type SeedPart = string | number;

const TWO_POW_32 = 4294967296;

/**
 * xoshiro128** seeded from a 128-bit hash of the seed parts. Only 32-bit integer arithmetic
 * (Math.imul, shifts) is used, so a seed gives the same stream on every platform and Node version.
 * Parts are hashed by their string form, so `42` and `'42'` are the same seed.
 */
export function createSeededRandom(...seedParts: readonly SeedPart[]): SeededRandom {
  if (seedParts.length === 0) throw new RangeError('createSeededRandom needs at least one seed part');
  // JSON keeps ('a:b', 'c') and ('a', 'b:c') apart.
  const state = hash128(JSON.stringify(seedParts.map(String)));
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return new Xoshiro128StarStar(state);
}

/** The bare generator from a raw state, for checking against the reference implementation. */
export function createXoshiro128StarStar(state: readonly [number, number, number, number]): SeededRandom {
  return new Xoshiro128StarStar(Uint32Array.from(state));
}

class Xoshiro128StarStar implements SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: Uint32Array) {
    this.s0 = state[0] | 0;
    this.s1 = state[1] | 0;
    this.s2 = state[2] | 0;
    this.s3 = state[3] | 0;
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  next(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  nextInt(maxExclusive: number): number {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_32) {
      throw new RangeError(`nextInt needs an integer bound in [1, 2^32], got ${maxExclusive}`);
    }
    // Reject the top sliver of the 32-bit range that would make some results more likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % maxExclusive);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % maxExclusive;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** cyrb128: four interleaved murmur-style lanes over UTF-16 code units. */
function hash128(text: string): Uint32Array {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return Uint32Array.of(h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0);
}
