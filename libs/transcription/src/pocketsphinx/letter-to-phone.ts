// A deliberately small spelling-to-sound guesser for names the dictionary lacks. English spelling is
// too irregular for rules to be right often; the aim is a pronunciation close enough for keyword
// spotting of one name, not a general grapheme-to-phoneme model.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

const GRAPHEMES: ReadonlyArray<readonly [string, string]> = [
  ['tch', 'CH'],
  ['ph', 'F'],
  ['sh', 'SH'],
  ['ch', 'CH'],
  ['th', 'TH'],
  ['ng', 'NG'],
  ['ck', 'K'],
  ['qu', 'K W'],
  ['wh', 'W'],
  ['gh', 'G'],
  ['ee', 'IY'],
  ['ea', 'IY'],
  ['ie', 'IY'],
  ['oo', 'UW'],
  ['ou', 'AW'],
  ['ow', 'OW'],
  ['oa', 'OW'],
  ['ai', 'EY'],
  ['ay', 'EY'],
  ['ei', 'EY'],
  ['au', 'AO'],
  ['aw', 'AO'],
  ['oi', 'OY'],
  ['oy', 'OY'],
  ['ue', 'UW'],
];

const CONSONANTS: Readonly<Record<string, string>> = {
  b: 'B',
  c: 'K',
  d: 'D',
  f: 'F',
  g: 'G',
  h: 'HH',
  j: 'JH',
  k: 'K',
  l: 'L',
  m: 'M',
  n: 'N',
  p: 'P',
  q: 'K',
  r: 'R',
  s: 'S',
  t: 'T',
  v: 'V',
  w: 'W',
  x: 'K S',
  z: 'Z',
};

/** Guesses CMU phones (no stress marks) for a lower-case word of letters a-z. */
export function letterToPhones(word: string): string {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  const phones: string[] = [];
  let i = 0;
  while (i < letters.length) {
    const grapheme = GRAPHEMES.find(([spelling]) => letters.startsWith(spelling, i));
    if (grapheme) {
      phones.push(grapheme[1]);
      i += grapheme[0].length;
      continue;
    }
    const letter = letters[i];
    const next = letters[i + 1];
    if (next === letter && !VOWELS.has(letter)) {
      i += 1; // doubled consonant sounds once
      continue;
    }
    const phone = singleLetter(letters, i);
    if (phone) phones.push(phone);
    i += 1;
  }
  return phones.join(' ');
}

function singleLetter(letters: string, i: number): string | undefined {
  const letter = letters[i];
  const next = letters[i + 1];
  const isLast = i === letters.length - 1;
  const beforeSoftVowel = next === 'e' || next === 'i' || next === 'y';
  const longVowel = MAGIC_E_VOWELS[letter];
  if (longVowel && hasMagicE(letters, i)) return longVowel;
  switch (letter) {
    case 'a':
      return isLast ? 'AH' : 'AE';
    case 'e':
      // A final e after a consonant is usually silent ("Jane"), unless it is the only vowel.
      return isLast && i > 0 && hasVowelBefore(letters, i) ? undefined : 'EH';
    case 'i':
      return isLast || startsVowelSound(letters, i + 1) ? 'IY' : 'IH';
    case 'o':
      return isLast ? 'OW' : 'AA';
    case 'u':
      return isLast ? 'UW' : 'AH';
    case 'y':
      return i === 0 || startsVowelSound(letters, i + 1) ? 'Y' : 'IY';
    case 'c':
      return beforeSoftVowel ? 'S' : 'K';
    default:
      return CONSONANTS[letter];
  }
}

const MAGIC_E_VOWELS: Readonly<Record<string, string>> = { a: 'EY', i: 'AY', o: 'OW', u: 'UW' };

/** "Jane", "Mike", "Rose": vowel, one consonant, final e. */
function hasMagicE(letters: string, i: number): boolean {
  const consonant = letters[i + 1];
  return i + 2 === letters.length - 1 && letters[i + 2] === 'e' && consonant !== undefined && !VOWELS.has(consonant);
}

function startsVowelSound(letters: string, i: number): boolean {
  const letter = letters[i];
  if (letter === undefined) return false;
  if (VOWELS.has(letter)) return true;
  return letter === 'y' && VOWELS.has(letters[i + 1] ?? '');
}

function hasVowelBefore(letters: string, i: number): boolean {
  return [...letters.slice(0, i)].some((letter) => VOWELS.has(letter) || letter === 'y');
}
