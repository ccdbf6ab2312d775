/** One rater's answer for one unit: a category label, a score, or a yes/no. */
export type Rating = string | number | boolean;

/** null, undefined and NaN all mean "this rater did not rate this unit". */
export type MaybeRating = Rating | null | undefined;

export function isMissing(rating: MaybeRating): rating is null | undefined {
  return rating === null || rating === undefined || (typeof rating === 'number' && Number.isNaN(rating));
}

/** Counts per distinct rating, in order of first appearance. */
export function countRatings(ratings: readonly MaybeRating[]): Map<Rating, number> {
  const counts = new Map<Rating, number>();
  for (const rating of ratings) {
    if (isMissing(rating)) continue;
    counts.set(rating, (counts.get(rating) ?? 0) + 1);
  }
  return counts;
}
