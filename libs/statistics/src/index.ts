export { createSeededRandom } from './random/seeded-random';
export type { SeededRandom, SeedPart } from './random/seeded-random';

export { normalQuantile } from './distributions/normal';
export { studentTCdf, studentTDensity, studentTQuantile } from './distributions/student-t';
export { logGamma, regularizedIncompleteBeta } from './distributions/special-functions';

export { mean, sampleStandardDeviation, sampleVariance, spread } from './descriptive/summary-statistics';
export type { Spread } from './descriptive/summary-statistics';

export { DEFAULT_CONFIDENCE, meanConfidenceInterval, tCriticalValue } from './confidence/mean-confidence-interval';
export type { MeanConfidenceInterval } from './confidence/mean-confidence-interval';
export { evaluationsNeededForMargin } from './confidence/evaluations-needed-for-margin';
export type { EvaluationsNeeded, EvaluationsNeededInput } from './confidence/evaluations-needed-for-margin';

export type { MaybeRating, Rating } from './agreement/rating';
export { krippendorffAlpha } from './agreement/krippendorff-alpha';
export type { AlphaMetric, KrippendorffAlphaOptions, KrippendorffAlphaResult } from './agreement/krippendorff-alpha';
export { fleissKappa, tallyRatings } from './agreement/fleiss-kappa';
export type { FleissKappaResult } from './agreement/fleiss-kappa';
export { itemAgreement } from './agreement/item-agreement';
export type { ItemAgreement } from './agreement/item-agreement';

export { linearTrend } from './regression/linear-trend';
export type { LinearTrend } from './regression/linear-trend';
