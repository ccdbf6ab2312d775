import { countRatings, MaybeRating, Rating } from './rating';

export interface ItemAgreement {
  /** Raters who gave a rating (missing ones are skipped). */
  raters: number;
  /** Share of rater pairs that gave the same rating; null below two raters. */
  pairwiseAgreement: number | null;
  /** Share of raters who gave the most common rating; null when nobody rated. */
  modalAgreement: number | null;
  /** The most common rating(s), in order of first appearance; several when tied. */
  modalRatings: Rating[];
}

/** Agreement on a single calibration item, e.g. one criterion of one call scored by several evaluators. */
export function itemAgreement(ratings: readonly MaybeRating[]): ItemAgreement {
  const counts = countRatings(ratings);
  let raters = 0;
  let agreeingPairs = 0;
  let modalCount = 0;
  for (const count of counts.values()) {
    raters += count;
    agreeingPairs += count * (count - 1);
    modalCount = Math.max(modalCount, count);
  }
  const modalRatings = [...counts].filter(([, count]) => count === modalCount && count > 0).map(([rating]) => rating);
  return {
    raters,
    pairwiseAgreement: raters < 2 ? null : agreeingPairs / (raters * (raters - 1)),
    modalAgreement: raters === 0 ? null : modalCount / raters,
    modalRatings,
  };
}
