import { digitsToWords, ordinalToWords } from './number-words';
import { isCjkCode } from './script';

/** A piece of raw text that is timed as one word: a run of non-space Latin characters, or one Han character. */
export interface TextUnit {
  text: string;
  start: number;
  end: number;
}

function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000;
}

function isWordCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 0xc0 && code <= 0x24f) ||
    (code >= 0xff10 && code <= 0xff5a) ||
    isCjkCode(code)
  );
}

/** Units carrying at least one letter or digit, with their character offsets in `text`. */
export function splitUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  let start = -1;
  let hasWord = false;
  const flush = (end: number): void => {
    if (start >= 0 && hasWord) units.push({ text: text.slice(start, end), start, end });
    start = -1;
    hasWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCjkCode(code)) {
      flush(i);
      units.push({ text: text[i], start: i, end: i + 1 });
    } else if (isSpaceCode(code)) {
      flush(i);
    } else if (start >= 0) {
      if (isWordCode(code)) hasWord = true;
    } else if (isWordCode(code)) {
      // leading punctuation belongs to no unit, so "，VIP" starts at the V
      start = i;
      hasWord = true;
    }
  }
  flush(text.length);
  return units;
}

const CONTRACTIONS: Record<string, string> = {
  "can't": 'can not',
  cannot: 'can not',
  "won't": 'will not',
  "shan't": 'shall not',
  "let's": 'let us',
  "y'all": 'you all',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  ok: 'okay',
  'o.k': 'okay',
  'o.k.': 'okay',
  '&': 'and',
};
const IS_CONTRACTED = new Set(['it', 'that', 'what', 'there', 'here', 'he', 'she', 'who', 'where', 'how']);
const SUFFIXES: [string, string][] = [
  ["n't", 'not'],
  ["'ll", 'will'],
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'m", 'am'],
  ["'d", 'would'],
];

function expandContraction(word: string): string | undefined {
  const fixed = CONTRACTIONS[word];
  if (fixed) return fixed;
  if (word.indexOf("'") < 0) return undefined;
  for (const [suffix, expansion] of SUFFIXES) {
    if (word.length > suffix.length && word.endsWith(suffix)) return `${word.slice(0, -suffix.length)} ${expansion}`;
  }
  if (word.endsWith("'s") && IS_CONTRACTED.has(word.slice(0, -2))) return `${word.slice(0, -2)} is`;
  return undefined;
}

const ORDINAL = /^(\d+)(st|nd|rd|th)$/;
const DIGITS = /^\d+$/;

function pushPiece(piece: string, out: string[]): void {
  if (!piece) return;
  if (DIGITS.test(piece)) {
    for (const w of digitsToWords(piece)) out.push(w);
    return;
  }
  const ordinal = ORDINAL.exec(piece);
  if (ordinal) {
    for (const w of ordinalToWords(ordinal[1])) out.push(w);
    return;
  }
  out.push(piece);
}

/**
 * Normalised tokens of one unit: lowercase, accents and punctuation dropped, contractions expanded,
 * numbers spelt out, so "I'm", "Northwind," and "24/7" compare with what a script says.
 */
export function normaliseUnit(raw: string): string[] {
  const out: string[] = [];
  if (raw.length === 1 && isCjkCode(raw.charCodeAt(0))) {
    out.push(raw);
    return out;
  }
  let text = raw
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/%/g, ' percent ')
    .replace(/&/g, ' and ');
  text = text.replace(/^[^a-z0-9']+|[^a-z0-9'.]+$/g, '').replace(/\.+$/, '');
  for (const word of text.split(/[^a-z0-9'.]+/)) {
    const expanded = expandContraction(word) ?? word;
    for (const piece of expanded.split(/[^a-z0-9']+/)) pushPiece(piece.replace(/'/g, ''), out);
  }
  return out;
}

export function normaliseText(text: string): string[] {
  const out: string[] = [];
  for (const unit of splitUnits(text)) for (const token of normaliseUnit(unit.text)) out.push(token);
  return out;
}
