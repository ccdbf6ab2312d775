import { letterToPhones } from './letter-to-phone';

export type PronouncingDictionary = ReadonlyMap<string, readonly string[]>;

/** Shortest dictionary piece trusted inside a compound; shorter ones ("pri" = P R AY) mislead more than help. */
const MIN_PIECE_LETTERS = 4;
const MAX_VARIANTS = 4;

/**
 * Pronunciations for a word: the dictionary's own, else the word composed from dictionary words
 * ("northwind" = north + wind) with spelling rules for the letters between them.
 */
export function pronounce(word: string, dictionary: PronouncingDictionary): string[] {
  const known = dictionary.get(word);
  if (known && known.length > 0) return [...known];

  const pieces = cheapestSplit(word, dictionary);
  const variants = pieces.reduce<string[]>(
    (acc, piece) => acc.flatMap((prefix) => piece.map((phones) => `${prefix} ${phones}`.trim())).slice(0, MAX_VARIANTS),
    [''],
  );
  return [...new Set(variants)].filter(Boolean);
}

// Dynamic programming over split points: a dictionary piece costs 1, letters spelled by rule cost 1
// per letter, so compounds of real words win over guessing.
function cheapestSplit(word: string, dictionary: PronouncingDictionary): string[][] {
  const n = word.length;
  const best: Array<{ cost: number; pieces: string[][] } | undefined> = [{ cost: 0, pieces: [] }];
  for (let end = 1; end <= n; end++) {
    for (let start = 0; start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const chunk = word.slice(start, end);
      const fromDictionary = chunk.length >= MIN_PIECE_LETTERS ? dictionary.get(chunk)?.slice(0, 2) : undefined;
      const options: Array<{ cost: number; phones: string[] }> = fromDictionary ? [{ cost: 1, phones: fromDictionary }] : [];
      if (!fromDictionary) options.push({ cost: chunk.length, phones: [letterToPhones(chunk)] });
      for (const option of options) {
        const cost = before.cost + option.cost;
        const current = best[end];
        if (!current || cost < current.cost) best[end] = { cost, pieces: [...before.pieces, option.phones] };
      }
    }
  }
  return (best[n]?.pieces ?? []).filter((phones) => phones.some(Boolean));
}
