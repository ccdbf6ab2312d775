import { TimedWord } from './timed-words';

const UNITS: Record<string, string> = {
  zero: '0',
  oh: '0',
  o: '0',
  nought: '0',
  naught: '0',
  nil: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const TEENS: Record<string, string> = {
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
};
const TENS: Record<string, string> = {
  twenty: '2',
  thirty: '3',
  forty: '4',
  fourty: '4',
  fifty: '5',
  sixty: '6',
  seventy: '7',
  eighty: '8',
  ninety: '9',
};
/**
 * Words the recogniser (pocketsphinx) writes for a digit it mis-heard, as observed on synthetic and
 * real card readings. They are ordinary words too, so they count as digits only next to a digit or
 * inside a dense stretch of digit-like words (see `resolveAmbiguous`).
 */
const AMBIGUOUS: Record<string, string> = {
  won: '1',
  want: '1',
  wan: '1',
  juan: '1',
  to: '2',
  too: '2',
  tu: '2',
  tree: '3',
  free: '3',
  for: '4',
  fore: '4',
  far: '4',
  fight: '5',
  fife: '5',
  hive: '5',
  fine: '5',
  sick: '6',
  sicks: '6',
  sex: '6',
  heaven: '7',
  ate: '8',
  eat: '8',
  hate: '8',
  nein: '9',
  night: '9',
  nigh: '9',
  mine: '9',
  hero: '0',
};
/** Words the recogniser writes for a mis-heard digit (each also an ordinary word). */
export const DIGIT_LOOK_ALIKES: ReadonlySet<string> = new Set(Object.keys(AMBIGUOUS));
const FILLERS = new Set(['uh', 'um', 'umm', 'er', 'erm', 'ah', 'and', 'or', 'then', 'dash', 'hyphen', 'space', 'comma', '嗯', '啊', '呃', '和', '或']);
/** Fillers that join two numbers in a list ("12345678 and 87654321") rather than interrupt one. */
const CONJUNCTIONS = new Set(['and', 'or', 'then', '和', '或']);
const MAX_FILLERS_IN_A_ROW = 2;

type WordClass =
  | { kind: 'digits'; digits: string }
  | { kind: 'tens'; tens: string }
  | { kind: 'repeat'; times: number }
  | { kind: 'zeros'; zeros: string }
  | { kind: 'ambiguous'; digits: string }
  | { kind: 'filler'; conjunction: boolean }
  | { kind: 'other' };

const classCache = new Map<string, WordClass>();

function classify(raw: string): WordClass {
  let known = classCache.get(raw);
  if (!known) {
    known = classifyUncached(raw);
    if (classCache.size > 50_000) classCache.clear();
    classCache.set(raw, known);
  }
  return known;
}

function classifyUncached(raw: string): WordClass {
  const word = raw
    .toLowerCase()
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (/^\d[\d\-.,/]*$/.test(word)) return { kind: 'digits', digits: word.replace(/\D/g, '') };
  if (UNITS[word]) return { kind: 'digits', digits: UNITS[word] };
  if (TEENS[word]) return { kind: 'digits', digits: TEENS[word] };
  if (TENS[word]) return { kind: 'tens', tens: TENS[word] };
  if (word === 'double') return { kind: 'repeat', times: 2 };
  if (word === 'triple') return { kind: 'repeat', times: 3 };
  if (word === 'hundred') return { kind: 'zeros', zeros: '00' };
  if (word === 'thousand') return { kind: 'zeros', zeros: '000' };
  if (AMBIGUOUS[word]) return { kind: 'ambiguous', digits: AMBIGUOUS[word] };
  if (FILLERS.has(word)) return { kind: 'filler', conjunction: CONJUNCTIONS.has(word) };
  if (word.length > 1 && [...word].every((ch) => UNITS[ch] !== undefined)) {
    return { kind: 'digits', digits: [...word].map((ch) => UNITS[ch]).join('') };
  }
  return { kind: 'other' };
}

/** Digits read from consecutive words `from..to` of a word stream. */
export interface DigitPiece {
  digits: string;
  from: number;
  to: number;
  /** Silence between the previous piece and this one (0 for the first). */
  pauseBeforeMs: number;
  /** A homophone ("for", "to") at the start of a run: maybe a digit, maybe the word. */
  maybeWord?: boolean;
  /** Read from a look-alike word ("won", "fight") rather than a digit. */
  lookAlike?: boolean;
}

/** Digits said in a row, with fillers allowed in between, as pieces that keep the word boundaries. */
export interface DigitRun {
  pieces: DigitPiece[];
  digits: string;
  from: number;
  to: number;
}

function isDigitBearing(c: WordClass): boolean {
  return c.kind === 'digits' || c.kind === 'tens' || c.kind === 'repeat' || c.kind === 'zeros';
}

/**
 * Reads digit runs from one speaker's words in time order: written digits ("4111-1111", full-width
 * "４１１１"), spoken digits ("four one one one", "oh" for zero), "double"/"triple", tens ("forty
 * one"), Han numerals (幺 and 两 included) and the recogniser's look-alikes ("won", "fight"), across
 * word and segment boundaries unless the pause exceeds `maxGapMs`. Up to two fillers in a row ("uh",
 * "and") stay inside a run, except a conjunction next to a written number of 3+ digits, which lists
 * two numbers ("order 12345678 and 87654321").
 */
export function readDigitRuns(words: readonly TimedWord[], maxGapMs: number, expectedShortNumbers: readonly TimeWindow[] = []): DigitRun[] {
  const classes = words.map((w) => classify(w.text));
  const shortAnswers = expectedShortNumbers.flatMap((window) => shortAnswerAt(words, classes, window));
  resolveAmbiguous(classes, shortAnswers);
  const runs: DigitRun[] = [];
  let pieces: DigitPiece[] = [];
  let fillers = 0;
  let afterConjunction = false;
  let repeat = 1;
  const pauseBefore = (from: number): number => {
    const previous = pieces[pieces.length - 1];
    return previous ? Math.max(0, words[from].startMs - words[previous.to].endMs) : 0;
  };
  // "forty" waits for a unit: "forty one" is 41, "forty" alone is 40.
  let openTens: DigitPiece | undefined;
  const close = (): void => {
    if (pieces.length > 0) {
      runs.push({ pieces, digits: pieces.map((p) => p.digits).join(''), from: pieces[0].from, to: pieces[pieces.length - 1].to });
    }
    pieces = [];
    fillers = 0;
    afterConjunction = false;
    repeat = 1;
    openTens = undefined;
  };
  for (let i = 0; i < words.length; i++) {
    const c = classes[i];
    const last = pieces[pieces.length - 1];
    if (last && words[i].startMs - words[last.to].endMs > maxGapMs) close();
    const tens = openTens;
    openTens = undefined;
    switch (c.kind) {
      case 'digits':
      case 'ambiguous':
        if (afterConjunction && c.digits.length >= 3) close();
        if (tens && tens.to === i - 1 && c.digits.length === 1 && c.digits !== '0') {
          tens.digits = tens.digits[0] + c.digits;
          tens.to = i;
        } else {
          const from = repeat > 1 ? i - 1 : i;
          const lookAlike = c.kind === 'ambiguous';
          const maybeWord = lookAlike && pieces.length === 0;
          pieces.push({
            digits: c.digits.repeat(repeat),
            from,
            to: i,
            pauseBeforeMs: pauseBefore(from),
            ...(lookAlike && { lookAlike }),
            ...(maybeWord && { maybeWord }),
          });
        }
        repeat = 1;
        fillers = 0;
        afterConjunction = false;
        break;
      case 'tens':
        openTens = { digits: `${c.tens}0`, from: i, to: i, pauseBeforeMs: pauseBefore(i) };
        pieces.push(openTens);
        fillers = 0;
        afterConjunction = false;
        break;
      case 'repeat':
        repeat = c.times;
        break;
      case 'zeros':
        if (pieces.length > 0) pieces.push({ digits: c.zeros, from: i, to: i, pauseBeforeMs: pauseBefore(i) });
        break;
      case 'filler':
        if (pieces.length === 0) break;
        if (++fillers > MAX_FILLERS_IN_A_ROW || (c.conjunction && last && last.digits.length >= 3)) close();
        else if (c.conjunction) afterConjunction = true;
        break;
      case 'other':
        close();
        break;
    }
  }
  close();
  return runs;
}

/** Digit-like words (digits and look-alikes) in a row that make a stretch dense enough to be a card. */
export const DENSE_STRETCH_WORDS = 12;
/** Unmistakable digits a dense stretch needs, unless it is longer still (`ALL_LOOK_ALIKE_WORDS`). */
export const DENSE_STRETCH_SURE_DIGITS = 2;
const ALL_LOOK_ALIKE_WORDS = 15;

/**
 * Look-alikes ("for", "to", "won", "fight"…) count as digits next to a digit word (fillers skipped),
 * as in "seven to nine" or "for two one", or anywhere inside a dense stretch: at least
 * `DENSE_STRETCH_WORDS` digit-like words with no more than two fillers in a row between them and at
 * least `DENSE_STRETCH_SURE_DIGITS` unmistakable digits (or `ALL_LOOK_ALIKE_WORDS` look-alikes).
 * Ordinary speech ("I want to go to the store for two days") never has a dozen of them in a row.
 * Only runs of 13+ digits, or 3–4 after a security-code prompt, are redacted at all.
 */
function resolveAmbiguous(classes: WordClass[], alwaysDigits: readonly number[] = []): void {
  const inDense = new Array<boolean>(classes.length).fill(false);
  let i = 0;
  while (i < classes.length) {
    if (classes[i].kind !== 'ambiguous' && !isDigitBearing(classes[i])) {
      i++;
      continue;
    }
    let end = i;
    let words = 0;
    let sure = 0;
    let fillers = 0;
    for (let k = i; k < classes.length; k++) {
      const c = classes[k];
      if (c.kind === 'filler') {
        if (++fillers > MAX_FILLERS_IN_A_ROW) break;
        continue;
      }
      if (c.kind !== 'ambiguous' && !isDigitBearing(c)) break;
      fillers = 0;
      words++;
      if (c.kind !== 'ambiguous') sure++;
      end = k;
    }
    if (words >= DENSE_STRETCH_WORDS && (sure >= DENSE_STRETCH_SURE_DIGITS || words >= ALL_LOOK_ALIKE_WORDS)) {
      for (let k = i; k <= end; k++) inDense[k] = true;
    }
    i = end + 1;
  }
  // A look-alike next to a digit, or next to a look-alike that is (chains: "for to one").
  const isDigit = new Array<boolean>(classes.length).fill(false);
  classes.forEach((c, k) => (isDigit[k] = inDense[k] || isDigitBearing(c)));
  for (const k of alwaysDigits) isDigit[k] = true;
  const next = (k: number, step: number): number => {
    for (let j = k + step; j >= 0 && j < classes.length; j += step) if (classes[j].kind !== 'filler') return j;
    return -1;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let k = 0; k < classes.length; k++) {
      if (classes[k].kind !== 'ambiguous' || isDigit[k]) continue;
      const before = next(k, -1);
      const after = next(k, 1);
      if ((before >= 0 && isDigit[before]) || (after >= 0 && isDigit[after])) changed = isDigit[k] = true;
    }
  }
  classes.forEach((c, k) => {
    if (c.kind === 'ambiguous' && !isDigit[k]) classes[k] = { kind: 'other' };
  });
}

/** A stretch of time, in milliseconds. */
export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/** Words a speaker may say before the number asked for ("it is", "uh, it's"). */
const WORDS_BEFORE_ANSWER = 4;

/**
 * Right after a prompt for a security code, 3–4 digit-like words in a row are the answer even when
 * every one is a look-alike ("ate five sick", "for to one"): the indexes of those words.
 */
function shortAnswerAt(words: readonly TimedWord[], classes: readonly WordClass[], window: TimeWindow): number[] {
  let first = words.findIndex((w) => w.startMs >= window.fromMs && w.startMs <= window.toMs);
  if (first < 0) return [];
  const isDigitLike = (c: WordClass): boolean => c.kind === 'ambiguous' || isDigitBearing(c);
  const last = Math.min(words.length, first + WORDS_BEFORE_ANSWER);
  while (first < last && !isDigitLike(classes[first])) first++;
  const answer: number[] = [];
  let fillers = 0;
  for (let k = first; k < words.length && answer.length <= 4; k++) {
    if (classes[k].kind === 'filler') {
      if (++fillers > MAX_FILLERS_IN_A_ROW) break;
      continue;
    }
    if (!isDigitLike(classes[k])) break;
    fillers = 0;
    answer.push(k);
  }
  return answer.length >= 3 && answer.length <= 4 ? answer.filter((k) => classes[k].kind === 'ambiguous') : [];
}
