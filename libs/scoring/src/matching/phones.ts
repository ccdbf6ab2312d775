/**
 * How words sound, for matching names by ear: a word's pronunciations as CMU phones ("B R AY T W EH L"),
 * given by whoever holds a pronouncing dictionary (the recogniser's own, with a spelling-to-sound
 * guess for unknown words). Without one, names are compared by spelling and Metaphone only.
 */
export type Pronounce = (word: string) => readonly string[];

const VOWELS = ['AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'EH', 'ER', 'EY', 'IH', 'IY', 'OW', 'OY', 'UH', 'UW'];
const CONSONANTS = ['B', 'CH', 'D', 'DH', 'F', 'G', 'HH', 'JH', 'K', 'L', 'M', 'N', 'NG', 'P', 'R', 'S', 'SH', 'T', 'TH', 'V', 'W', 'Y', 'Z', 'ZH'];
/** Consonants that differ by voicing or place only, which recognisers and speakers mix up. */
const NEAR_CONSONANTS = [
  ['P', 'B'],
  ['T', 'D'],
  ['K', 'G'],
  ['F', 'V'],
  ['S', 'Z'],
  ['TH', 'DH'],
  ['CH', 'JH'],
  ['SH', 'ZH'],
  ['M', 'N'],
  ['N', 'NG'],
  ['TH', 'F'],
  ['DH', 'D'],
];

// One character per phone, so a pronunciation is a short string: vowels A-O, consonants a-x.
const CODE = new Map<string, string>([
  ...VOWELS.map((p, i): [string, string] => [p, String.fromCharCode(65 + i)]),
  ...CONSONANTS.map((p, i): [string, string] => [p, String.fromCharCode(97 + i)]),
]);
const NEAR = new Set(NEAR_CONSONANTS.flatMap(([a, b]) => [`${CODE.get(a)}${CODE.get(b)}`, `${CODE.get(b)}${CODE.get(a)}`]));

/** "B R AY1 T" → a compact code, one character per phone (stress dropped); unknown phones are skipped. */
export function phoneCode(phones: string): string {
  let code = '';
  for (const phone of phones.trim().split(/\s+/)) {
    const c = CODE.get(phone.replace(/\d$/, '').toUpperCase());
    if (c) code += c;
  }
  return code;
}

const isVowelCode = (c: string) => c >= 'A' && c <= 'Z';

function substitution(a: string, b: string): number {
  if (a === b) return 0;
  if (isVowelCode(a) && isVowelCode(b)) return 0.4;
  return NEAR.has(a + b) ? 0.5 : 1;
}

/** Inserting or dropping a vowel costs less: unstressed vowels come and go ("kestrel" / "kestral"). */
const indel = (c: string) => (isVowelCode(c) ? 0.6 : 1);

/** 1 for the same sounds, falling with a weighted edit distance over the longer pronunciation. */
export function phoneSimilarity(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  if (!a || !b) return 0;
  let previous = new Float64Array(b.length + 1);
  let current = new Float64Array(b.length + 1);
  for (let j = 1; j <= b.length; j++) previous[j] = previous[j - 1] + indel(b[j - 1]);
  for (let i = 1; i <= a.length; i++) {
    current[0] = previous[0] + indel(a[i - 1]);
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j - 1] + substitution(a[i - 1], b[j - 1]), previous[j] + indel(a[i - 1]), current[j - 1] + indel(b[j - 1]));
    }
    [previous, current] = [current, previous];
  }
  return Math.max(0, 1 - previous[b.length] / Math.max(a.length, b.length));
}

/** Best similarity between any pronunciation of one and any of the other. */
export function bestPhoneSimilarity(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, phoneSimilarity(x, y));
  return best;
}
