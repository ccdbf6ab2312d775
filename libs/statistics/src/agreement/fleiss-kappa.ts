import { countRatings, MaybeRating, Rating } from './rating';

export interface FleissKappaResult {
  /** null when chance agreement is already perfect (every rating in one category). */
  kappa: number | null;
  /** Mean share of agreeing rater pairs per subject (P-bar). */
  observedAgreement: number;
  /** Agreement expected by chance from the overall category proportions (P-bar e). */
  expectedAgreement: number;
  subjects: number;
  ratersPerSubject: number;
  /** Share of all ratings that fell in each category, in column order. */
  categoryProportions: number[];
}

/**
 * Fleiss' kappa from a subjects × categories table of counts: cell [i][j] is how many raters put subject i
 * in category j. Every subject must be rated by the same number of raters (not necessarily the same people).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissKappaResult {
  const subjects = counts.length;
  if (subjects === 0) throw new RangeError('fleissKappa needs at least one subject');
  const categories = counts[0].length;
  const raters = sumRow(counts[0], 0);
  if (raters < 2) throw new RangeError('fleissKappa needs at least two raters per subject');

  const categoryTotals = new Array<number>(categories).fill(0);
  let agreementSum = 0;
  counts.forEach((row, i) => {
    if (row.length !== categories) throw new RangeError(`subject ${i} has ${row.length} categories, expected ${categories}`);
    if (sumRow(row, i) !== raters) throw new RangeError(`subject ${i} has ${sumRow(row, i)} ratings, expected ${raters} like the first subject`);
    let squares = 0;
    row.forEach((count, j) => {
      categoryTotals[j] += count;
      squares += count * count;
    });
    agreementSum += (squares - raters) / (raters * (raters - 1));
  });

  const categoryProportions = categoryTotals.map((total) => total / (subjects * raters));
  const observedAgreement = agreementSum / subjects;
  const expectedAgreement = categoryProportions.reduce((sum, p) => sum + p * p, 0);
  const kappa = expectedAgreement === 1 ? null : (observedAgreement - expectedAgreement) / (1 - expectedAgreement);
  return { kappa, observedAgreement, expectedAgreement, subjects, ratersPerSubject: raters, categoryProportions };
}

/**
 * Turns per-unit ratings (the layout krippendorffAlpha takes) into the count table fleissKappa takes.
 * Categories default to the distinct ratings in order of first appearance.
 */
export function tallyRatings(units: readonly (readonly MaybeRating[])[], categories?: readonly Rating[]): { categories: Rating[]; counts: number[][] } {
  const perUnit = units.map(countRatings);
  const columns = categories ? [...categories] : [...new Set(perUnit.flatMap((unitCounts) => [...unitCounts.keys()]))];
  const columnOf = new Map(columns.map((category, j) => [category, j]));
  const counts = perUnit.map((unitCounts, i) => {
    const row = new Array<number>(columns.length).fill(0);
    for (const [rating, count] of unitCounts) {
      const j = columnOf.get(rating);
      if (j === undefined) throw new RangeError(`unit ${i} has rating ${String(rating)}, which is not among the categories`);
      row[j] = count;
    }
    return row;
  });
  return { categories: columns, counts };
}

function sumRow(row: readonly number[], index: number): number {
  let sum = 0;
  for (const count of row) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`subject ${index} has an invalid count: ${count}`);
    sum += count;
  }
  return sum;
}
