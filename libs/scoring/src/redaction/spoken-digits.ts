import { TimedWord } from './timed-words';

const UNITS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', nought: '0', naught: '0', nil: '0',
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  零: '0', 〇: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};
const TEENS: Record<string, string> = {
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19',
};
const TENS: Record<string, string> = {
  twenty: '2', thirty: '3', forty: '4', fourty: '4', fifty: '5', sixty: '6', seventy: '7', eighty: '8', ninety: '9',
};
/** Homophones of digits that are only read as digits between other digits ("four one for one"). */
const AMBIGUOUS: Record<string, string> = { for: '4', to: '2', too: '2', won: '1', ate: '8' };
const FILLERS = new Set(['uh', 'um', 'umm', 'er', 'erm', 'ah', 'and', 'then', 'dash', 'hyphen', 'space', 'comma', '嗯', '啊', '呃']);
const MAX_FILLERS_IN_A_ROW = 2;

type WordClass =
  | { kind: 'digits'; digits: string }
  | { kind: 'tens'; tens: string }
  | { kind: 'repeat'; times: number }
  | { kind: 'zeros'; zeros: string }
  | { kind: 'ambiguous'; digits: string }
  | { kind: 'filler' }
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
  const word = raw.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (/^\d[\d\-.,/]*$/.test(word)) return { kind: 'digits', digits: word.replace(/\D/g, '') };
  if (UNITS[word]) return { kind: 'digits', digits: UNITS[word] };
  if (TEENS[word]) return { kind: 'digits', digits: TEENS[word] };
  if (TENS[word]) return { kind: 'tens', tens: TENS[word] };
  if (word === 'double') return { kind: 'repeat', times: 2 };
  if (word === 'triple') return { kind: 'repeat', times: 3 };
  if (word === 'hundred') return { kind: 'zeros', zeros: '00' };
  if (word === 'thousand') return { kind: 'zeros', zeros: '000' };
  if (AMBIGUOUS[word]) return { kind: 'ambiguous', digits: AMBIGUOUS[word] };
  if (FILLERS.has(word)) return { kind: 'filler' };
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
 * Reads digit runs from one speaker's words in time order: written digits ("4111-1111"), spoken
 * digits ("four one one one", "oh" for zero), "double"/"triple", tens ("forty one") and Han
 * numerals, across word and segment boundaries unless the pause exceeds `maxGapMs`.
 */
export function readDigitRuns(words: readonly TimedWord[], maxGapMs: number): DigitRun[] {
  const classes = words.map((w) => classify(w.text));
  resolveAmbiguous(classes);
  const runs: DigitRun[] = [];
  let pieces: DigitPiece[] = [];
  let fillers = 0;
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
        if (tens && tens.to === i - 1 && c.digits.length === 1 && c.digits !== '0') {
          tens.digits = tens.digits[0] + c.digits;
          tens.to = i;
        } else {
          const from = repeat > 1 ? i - 1 : i;
          const maybeWord = c.kind === 'ambiguous' && pieces.length === 0;
          pieces.push({ digits: c.digits.repeat(repeat), from, to: i, pauseBeforeMs: pauseBefore(from), ...(maybeWord && { maybeWord }) });
        }
        repeat = 1;
        fillers = 0;
        break;
      case 'tens':
        openTens = { digits: `${c.tens}0`, from: i, to: i, pauseBeforeMs: pauseBefore(i) };
        pieces.push(openTens);
        fillers = 0;
        break;
      case 'repeat':
        repeat = c.times;
        break;
      case 'zeros':
        if (pieces.length > 0) pieces.push({ digits: c.zeros, from: i, to: i, pauseBeforeMs: pauseBefore(i) });
        break;
      case 'filler':
        if (pieces.length > 0 && ++fillers > MAX_FILLERS_IN_A_ROW) close();
        break;
      case 'other':
        close();
        break;
    }
  }
  close();
  return runs;
}

/**
 * "for", "to"… count as digits only with a digit word on each side (fillers skipped), or right
 * before a long run of digit words ("so that is for one one one…"), where the card check decides.
 */
function resolveAmbiguous(classes: WordClass[]): void {
  const neighbour = (i: number, step: number): WordClass | undefined => {
    for (let k = i + step; k >= 0 && k < classes.length; k += step) if (classes[k].kind !== 'filler') return classes[k];
    return undefined;
  };
  const digitWordsAfter = (i: number): number => {
    let n = 0;
    for (let k = i + 1; k < classes.length && n < LONG_RUN_WORDS; k++) {
      if (isDigitBearing(classes[k])) n++;
      else if (classes[k].kind !== 'filler') break;
    }
    return n;
  };
  for (let i = 0; i < classes.length; i++) {
    if (classes[i].kind !== 'ambiguous') continue;
    const before = neighbour(i, -1);
    const after = neighbour(i, 1);
    const between = before && after && isDigitBearing(before) && isDigitBearing(after);
    if (!between && digitWordsAfter(i) < LONG_RUN_WORDS) classes[i] = { kind: 'other' };
  }
}

/** Digit words after a homophone that make a card number plausible enough to consider it a digit. */
const LONG_RUN_WORDS = 12;
