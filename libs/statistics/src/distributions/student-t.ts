import { normalQuantile } from './normal';
import { logGamma, regularizedIncompleteBeta } from './special-functions';

// Beyond this the Cornish-Fisher series is already more accurate than the normal quantile it starts from.
const CORNISH_FISHER_ONLY_DF = 1e5;

export function studentTCdf(t: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom(degreesOfFreedom);
  if (Number.isNaN(t)) throw new RangeError('studentTCdf needs a number, got NaN');
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * regularizedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

export function studentTDensity(t: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom(degreesOfFreedom);
  const v = degreesOfFreedom;
  const logNormaliser = logGamma((v + 1) / 2) - logGamma(v / 2) - 0.5 * Math.log(v * Math.PI);
  return Math.exp(logNormaliser - ((v + 1) / 2) * Math.log1p((t * t) / v));
}

/**
 * The t value below which a fraction p of Student's t distribution lies, e.g. studentTQuantile(0.975, 10) = 2.228.
 * Closed forms for 1 and 2 degrees of freedom; otherwise a Cornish-Fisher start refined by safeguarded Newton
 * steps on the exact CDF (regularised incomplete beta), to about 1e-12.
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom(degreesOfFreedom);
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile needs 0 < p < 1, got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -upperQuantile(1 - p, degreesOfFreedom);
  return upperQuantile(p, degreesOfFreedom);
}

function upperQuantile(p: number, v: number): number {
  if (v === 1) return Math.tan(Math.PI * (p - 0.5));
  if (v === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  let t = cornishFisher(normalQuantile(p), v);
  if (v >= CORNISH_FISHER_ONLY_DF) return t;

  // The root lies in (lo, hi); Newton steps that leave the bracket fall back to bisection or doubling.
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 200; i++) {
    const error = studentTCdf(t, v) - p;
    if (error === 0) return t;
    if (error < 0) lo = t;
    else hi = t;
    let next = t - error / studentTDensity(t, v);
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : 2 * t;
    if (Math.abs(next - t) <= 1e-14 * Math.abs(t)) return next;
    t = next;
  }
  return t;
}

/** Abramowitz & Stegun 26.7.5: t quantile as a series in 1/v around the normal quantile z. */
function cornishFisher(z: number, v: number): number {
  const z2 = z * z;
  const z3 = z2 * z;
  const z5 = z3 * z2;
  const z7 = z5 * z2;
  const z9 = z7 * z2;
  const g1 = (z3 + z) / 4;
  const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  const g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
  return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
}

function assertDegreesOfFreedom(v: number): void {
  if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`degrees of freedom must be a positive number, got ${v}`);
}
