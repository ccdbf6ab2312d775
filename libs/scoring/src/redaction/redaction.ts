import { PhraseMatcher } from '../matching/phrase-matcher';
import { Transcript, TranscriptSegment, TranscriptWord } from '../transcript.types';
import { cardSpansInStream, DEFAULT_MAX_DIGIT_GAP_MS, wordsBySpeaker } from './card-numbers';
import { DigitRun, readDigitRuns } from './spoken-digits';
import { TimedWord, timedWordsOf } from './timed-words';

export type RedactionKind = 'card_number' | 'security_code' | (string & {});

/** Extra sensitive data to redact, matched against each segment's text. */
export interface RedactionPattern {
  kind: string;
  pattern: RegExp | string;
  /** Shown as "[redacted <label>]"; defaults to the kind. */
  label?: string;
}

export interface RedactionOptions {
  patterns?: readonly RedactionPattern[];
  /** Phrases after which a 3–4 digit answer is taken for a card security code. */
  securityCodePrompts?: readonly string[];
  /** How long after a prompt the security code may be said. */
  securityCodeWindowMs?: number;
  /** Longest pause between digits that still continues a number. */
  maxDigitGapMs?: number;
  /** Audio muted either side of redacted words, for word timings that are a little off. */
  paddingMs?: number;
}

/** A stretch of audio to mute. */
export interface RedactionSpan {
  startMs: number;
  endMs: number;
  kind: RedactionKind;
  /** Why it was hidden, in English and Chinese: for a card, whether the digits passed the card check. */
  reason?: RedactionReason;
}

export interface RedactionReason {
  en: string;
  zh: string;
}

const REASONS = {
  cardSure: { en: 'card number (13–19 digits passing the card check digit)', zh: '银行卡号（13–19 位，校验位正确）' },
  cardLikely: {
    en: 'likely card number (13–19 digits read in a row; check digit not met, perhaps mis-heard)',
    zh: '疑似银行卡号（连续 13–19 位数字，校验位不符，可能识别有误）',
  },
  securityCode: { en: 'security code (3–4 digits after a prompt for it)', zh: '安全码（询问后所说的 3–4 位数字）' },
} satisfies Record<string, RedactionReason>;

export interface RedactionResult {
  /** The transcript with sensitive words replaced; untouched segments are returned as they were. */
  segments: TranscriptSegment[];
  spans: RedactionSpan[];
}

export const DEFAULT_SECURITY_CODE_PROMPTS: readonly string[] = [
  'security code',
  'cvv',
  'c v v',
  'cvc',
  'csc',
  'card verification code',
  'verification number',
  'three digits on the back',
  'three digit code',
  'last three digits on the back of the card',
  'four digits on the front',
  '安全码',
  '验证码',
  '卡背面后三位',
];

const LABELS: Record<string, string> = { card_number: 'card', security_code: 'security code' };

let promptMatcher: PhraseMatcher | undefined;

/**
 * Redacts payment card numbers (13–19 digits, written, spoken or mis-heard as look-alike words; Luhn
 * only raises the confidence given as the reason), security codes said
 * shortly after a prompt for them, and configured patterns. Returns the redacted segments and the
 * time spans to mute in the audio.
 */
export function redactTranscript(transcript: Transcript, options: RedactionOptions = {}): RedactionResult {
  const wordsOf = transcript.map((_, s) => timedWordsOf(transcript, s));
  const order = transcript.map((_, i) => i).sort((a, b) => transcript[a].startMs - transcript[b].startMs || a - b);
  const allWords = order.flatMap((s) => wordsOf[s]);
  const marks = new Map<TimedWord, RedactionKind>();
  const reasons = new Map<TimedWord, RedactionReason>();
  const streams = wordsBySpeaker(allWords);
  const runs: { stream: TimedWord[]; run: DigitRun }[] = [];

  const promptEnds = securityCodePromptEnds(transcript, options);
  const windowMs = options.securityCodeWindowMs ?? 20_000;
  const answerWindows = promptEnds.map((end) => ({ fromMs: end, toMs: end + windowMs }));

  for (const stream of streams.values()) {
    for (const run of readDigitRuns(stream, options.maxDigitGapMs ?? DEFAULT_MAX_DIGIT_GAP_MS, answerWindows)) {
      runs.push({ stream, run });
      for (const span of cardSpansInStream(stream, run)) {
        markRange(marks, stream, span.from, span.to, 'card_number');
        const reason = span.passesLuhn ? REASONS.cardSure : REASONS.cardLikely;
        for (let i = span.from; i <= span.to; i++) if (!reasons.has(stream[i])) reasons.set(stream[i], reason);
      }
    }
  }
  markSecurityCodes(promptEnds, runs, marks, windowMs);
  for (const [word, kind] of marks) if (kind === 'security_code' && !reasons.has(word)) reasons.set(word, REASONS.securityCode);
  for (const pattern of options.patterns ?? []) {
    transcript.forEach((segment, s) => markPattern(segment, wordsOf[s], pattern, marks));
  }

  const labels = new Map<string, string>(Object.entries(LABELS));
  for (const p of options.patterns ?? []) labels.set(p.kind, p.label ?? p.kind);
  const spans: RedactionSpan[] = [];
  const segments = transcript.map((segment, s) => rewriteSegment(segment, wordsOf[s], marks, reasons, labels, spans));
  return { segments, spans: mergeSpans(spans, options.paddingMs ?? 150) };
}

function markRange(marks: Map<TimedWord, RedactionKind>, stream: readonly TimedWord[], from: number, to: number, kind: RedactionKind): void {
  for (let i = from; i <= to; i++) if (!marks.has(stream[i])) marks.set(stream[i], kind);
}

/** When each prompt for a security code ends, in time order. */
function securityCodePromptEnds(transcript: Transcript, options: RedactionOptions): number[] {
  const matcher = (promptMatcher ??= new PhraseMatcher());
  const prompts = matcher.compile(options.securityCodePrompts ?? DEFAULT_SECURITY_CODE_PROMPTS, { threshold: 0.8 });
  return matcher.findAll(prompts, matcher.index(transcript)).map((prompt) => prompt.evidence[prompt.evidence.length - 1]?.endMs ?? 0);
}

function markSecurityCodes(
  promptEnds: readonly number[],
  runs: { stream: TimedWord[]; run: DigitRun }[],
  marks: Map<TimedWord, RedactionKind>,
  windowMs: number,
): void {
  const candidates = runs
    .filter(({ run, stream }) => run.digits.length >= 3 && run.digits.length <= 4 && !marks.has(stream[run.from]))
    .sort((a, b) => a.stream[a.run.from].startMs - b.stream[b.run.from].startMs);
  // Prompts often come in pairs ("the security code, the three digits on the back"): a prompt
  // said before the last answer taken has been answered already.
  let answeredAt = -Infinity;
  for (const promptEnd of promptEnds) {
    if (promptEnd <= answeredAt) continue;
    const answer = candidates.find(({ run, stream }) => {
      const start = stream[run.from].startMs;
      return start >= promptEnd && start <= promptEnd + windowMs && !marks.has(stream[run.from]);
    });
    if (!answer) continue;
    markRange(marks, answer.stream, answer.run.from, answer.run.to, 'security_code');
    answeredAt = answer.stream[answer.run.from].startMs;
  }
}

function markPattern(segment: TranscriptSegment, words: readonly TimedWord[], pattern: RedactionPattern, marks: Map<TimedWord, RedactionKind>): void {
  const located = words.every((w) => w.charStart >= 0);
  let text = segment.text;
  let starts = words.map((w) => w.charStart);
  if (!located) {
    starts = [];
    text = '';
    for (const w of words) {
      if (text) text += ' ';
      starts.push(text.length);
      text += w.text;
    }
  }
  const source = typeof pattern.pattern === 'string' ? new RegExp(pattern.pattern, 'gi') : pattern.pattern;
  const regex = new RegExp(source.source, source.flags.includes('g') ? source.flags : `${source.flags}g`);
  for (const match of text.matchAll(regex)) {
    if (!match[0]) continue;
    const start = match.index ?? 0;
    const end = start + match[0].length;
    words.forEach((word, i) => {
      const wordEnd = starts[i] + word.text.length;
      if (starts[i] < end && wordEnd > start && !marks.has(word)) marks.set(word, pattern.kind);
    });
  }
}

function rewriteSegment(
  segment: TranscriptSegment,
  words: readonly TimedWord[],
  marks: Map<TimedWord, RedactionKind>,
  reasons: Map<TimedWord, RedactionReason>,
  labels: Map<string, string>,
  spans: RedactionSpan[],
): TranscriptSegment {
  const groups: { from: number; to: number; kind: RedactionKind }[] = [];
  words.forEach((word, i) => {
    const kind = marks.get(word);
    if (kind === undefined) return;
    const open = groups[groups.length - 1];
    if (open && open.to === i - 1 && open.kind === kind) open.to = i;
    else groups.push({ from: i, to: i, kind });
  });
  if (groups.length === 0) return segment;

  const replacement = (kind: RedactionKind): string => `[redacted ${labels.get(kind) ?? kind}]`;
  for (const g of groups) {
    let reason: RedactionReason | undefined;
    for (let i = g.from; i <= g.to && !reason; i++) reason = reasons.get(words[i]);
    spans.push({ startMs: words[g.from].startMs, endMs: words[g.to].endMs, kind: g.kind, ...(reason && { reason }) });
  }

  let newWords: TranscriptWord[] | undefined;
  if (segment.words && segment.words.length > 0) {
    newWords = [];
    let g = 0;
    for (let i = 0; i < segment.words.length; i++) {
      const group = groups[g];
      if (group && i === group.from) {
        newWords.push({ text: replacement(group.kind), startMs: words[group.from].startMs, endMs: words[group.to].endMs, confidence: 1 });
        i = group.to;
        g++;
      } else newWords.push(segment.words[i]);
    }
  }
  let text: string;
  if (words.every((w) => w.charStart >= 0)) {
    text = segment.text;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g];
      text = text.slice(0, words[group.from].charStart) + replacement(group.kind) + text.slice(words[group.to].charEnd);
    }
  } else {
    text = (newWords ?? []).map((w) => w.text).join(' ');
  }
  return newWords ? { ...segment, text, words: newWords } : { ...segment, text };
}

function mergeSpans(spans: RedactionSpan[], paddingMs: number): RedactionSpan[] {
  const padded = spans
    // whole milliseconds, widened outwards, so the muted audio never starts late or ends early
    .map((s) => ({ ...s, startMs: Math.max(0, Math.floor(s.startMs - paddingMs)), endMs: Math.ceil(s.endMs + paddingMs) }))
    .sort((a, b) => a.startMs - b.startMs);
  const merged: RedactionSpan[] = [];
  for (const span of padded) {
    const last = merged[merged.length - 1];
    if (last && last.kind === span.kind && span.startMs <= last.endMs) {
      last.endMs = Math.max(last.endMs, span.endMs);
      if (span.reason === REASONS.cardSure) last.reason = span.reason;
    } else merged.push(span);
  }
  return merged;
}
