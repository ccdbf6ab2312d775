import { Speaker, Transcript } from '../transcript.types';
import { passesLuhn } from './luhn';
import { DigitRun, readDigitRuns } from './spoken-digits';
import { TimedWord, timedWords } from './timed-words';

export const MIN_CARD_DIGITS = 13;
export const MAX_CARD_DIGITS = 19;
export const DEFAULT_MAX_DIGIT_GAP_MS = 4000;

/** A card number read out in the call, described without its digits (only the last four, as on receipts). */
export interface CardNumberFinding {
  speaker: Speaker;
  startMs: number;
  endMs: number;
  lastFour: string;
  digitCount: number;
  /** Passes the card check digit; otherwise a likely card, perhaps with a digit mis-heard. */
  passesLuhn: boolean;
}

/** Words `from..to` of a speaker's word stream that carry a card number. */
export interface WordSpan {
  from: number;
  to: number;
  digits: string;
  /** The digits pass the card check digit: surely a card, not a mis-heard one or another number. */
  passesLuhn: boolean;
}

/** Lengths card schemes issue for a number starting this way (none for an unknown issuer). */
function schemeLengths(digits: string): number[] {
  if (/^3[47]/.test(digits)) return [15];
  if (/^3(0[0-5]|[689])/.test(digits)) return [14, 15, 16, 17, 18, 19];
  if (/^35/.test(digits)) return [16, 17, 18, 19];
  if (digits[0] === '4') return [13, 16, 19];
  if (/^(5[1-5]|2[2-7])/.test(digits)) return [16];
  if (/^(5|6)/.test(digits)) return [13, 14, 15, 16, 17, 18, 19];
  return [];
}

/** A card scheme issues numbers of this length starting with these digits. */
function isIssuedLength(digits: string): boolean {
  return schemeLengths(digits).includes(digits.length);
}

/** Expiry (4 digits) and security code (3–4) that may follow a card number in one breath. */
const MAX_TRAILING_DIGITS = 8;
/** Pauses shorter than this are taken as part of reading one number. */
const MIN_SPLITTING_PAUSE_MS = 500;

function span(run: DigitRun, first: number, last: number): DigitRun {
  const pieces = run.pieces.slice(first, last + 1);
  return { pieces, digits: pieces.map((p) => p.digits).join(''), from: pieces[0].from, to: pieces[pieces.length - 1].to };
}

/**
 * Card numbers within one digit run. A run of 13–19 digits is redacted whether or not it passes
 * Luhn: one mis-heard digit breaks the check, and leaking a card is worse than hiding a reference.
 * A longer run is taken as a card followed by its expiry or security code when a scheme-length
 * prefix ending on a word boundary passes Luhn; otherwise it is split at its longest pause and each
 * part tried, and without such a pause the whole run is redacted.
 */
export function cardSpansIn(run: DigitRun): WordSpan[] {
  if (run.pieces[0]?.maybeWord) {
    // "for one one…": the word or the digit? The reading that passes Luhn, else the digit.
    const asWord = run.pieces.length > 1 ? cardSpansIn(span(run, 1, run.pieces.length - 1)) : [];
    const asDigit = cardSpansIn({ ...run, pieces: [{ ...run.pieces[0], maybeWord: false }, ...run.pieces.slice(1)] });
    const sure = (spans: WordSpan[]): boolean => spans.length > 0 && spans.every((s) => s.passesLuhn);
    // Even then the look-alike is hidden with it: one word too many beats a digit left readable.
    if (sure(asWord) && !sure(asDigit)) return asWord.map((s, i) => (i === 0 ? { ...s, from: run.from } : s));
    return asDigit.length > 0 ? asDigit : asWord;
  }
  const length = run.digits.length;
  if (length < MIN_CARD_DIGITS) return [];
  if (length <= MAX_CARD_DIGITS) return [{ from: run.from, to: run.to, digits: run.digits, passesLuhn: passesLuhn(run.digits) }];

  let offset = 0;
  const ends = new Map<number, number>();
  run.pieces.forEach((piece, p) => ends.set((offset += piece.digits.length), p));
  for (const cardLength of schemeLengths(run.digits).reverse()) {
    const last = ends.get(cardLength);
    if (last === undefined || length - cardLength > MAX_TRAILING_DIGITS) continue;
    const digits = run.digits.slice(0, cardLength);
    if (passesLuhn(digits)) return [{ from: run.from, to: run.pieces[last].to, digits, passesLuhn: true }];
  }

  let split = -1;
  for (let p = 1; p < run.pieces.length; p++) {
    if (split < 0 || run.pieces[p].pauseBeforeMs > run.pieces[split].pauseBeforeMs) split = p;
  }
  if (split < 0 || run.pieces[split].pauseBeforeMs < MIN_SPLITTING_PAUSE_MS) {
    return [{ from: run.from, to: run.to, digits: run.digits, passesLuhn: false }];
  }
  return [...cardSpansIn(span(run, 0, split - 1)), ...cardSpansIn(span(run, split, run.pieces.length - 1))];
}

/** Words just before a number that make it a telephone number (with its country code, 13+ digits). */
const PHONE_CUES = /(^|\s)(\+|plus|phone|call|dial|mobile|landline)(\s|$)|电话|拨打|致电|手机/;
const PHONE_CUE_WORDS = 3;
const PHONE_CUE_UNITS = 5;

/**
 * A number right after "plus", "call", 拨打, 电话… is a phone number read with its country code
 * (+86 138 1234 5678 has 13 digits) unless it passes Luhn with a length a card scheme issues for its
 * first digits: that one is hidden all the same.
 */
function saidAsPhoneNumber(stream: readonly TimedWord[], from: number): boolean {
  const before = stream.slice(Math.max(0, from - PHONE_CUE_UNITS), from);
  const english = before
    .slice(-PHONE_CUE_WORDS)
    .map((w) => w.text.toLowerCase())
    .join(' ');
  return PHONE_CUES.test(english) || PHONE_CUES.test(before.map((w) => w.text).join(''));
}

/** Card numbers in a run of a speaker's words (`stream`), leaving phone numbers said as such. */
export function cardSpansInStream(stream: readonly TimedWord[], run: DigitRun): WordSpan[] {
  return cardSpansIn(run).filter((span) => (span.passesLuhn && isIssuedLength(span.digits)) || !saidAsPhoneNumber(stream, span.from));
}

/** Words grouped by speaker, each list in time order. */
export function wordsBySpeaker(words: readonly TimedWord[]): Map<Speaker, TimedWord[]> {
  const streams = new Map<Speaker, TimedWord[]>();
  for (const word of words) {
    let stream = streams.get(word.speaker);
    if (!stream) streams.set(word.speaker, (stream = []));
    stream.push(word);
  }
  return streams;
}

export interface FindCardNumbersOptions {
  speakers?: readonly Speaker[];
  maxDigitGapMs?: number;
}

/**
 * Card numbers spoken or written in the transcript, grouped across words and segments of one speaker:
 * the same numbers redaction hides, those failing Luhn included (marked).
 */
export function findCardNumbers(transcript: Transcript, options: FindCardNumbersOptions = {}): CardNumberFinding[] {
  const findings: CardNumberFinding[] = [];
  const speakers = options.speakers;
  const heard = speakers ? transcript.filter((segment) => speakers.includes(segment.speaker)) : transcript;
  for (const [speaker, stream] of wordsBySpeaker(timedWords(heard))) {
    for (const run of readDigitRuns(stream, options.maxDigitGapMs ?? DEFAULT_MAX_DIGIT_GAP_MS)) {
      for (const span of cardSpansInStream(stream, run)) {
        findings.push({
          speaker,
          startMs: stream[span.from].startMs,
          endMs: stream[span.to].endMs,
          lastFour: span.digits.slice(-4),
          digitCount: span.digits.length,
          passesLuhn: span.passesLuhn,
        });
      }
    }
  }
  return findings.sort((a, b) => a.startMs - b.startMs);
}
