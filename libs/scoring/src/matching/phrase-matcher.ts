import { Evidence, Speaker, Transcript } from '../transcript.types';
import { Alignment, alignRun, AlignmentRun, scoreRun } from './align-phrase';
import { findCandidates } from './candidate-regions';
import { CompiledPhrase, compileVariant, DEFAULT_THRESHOLD, PhraseVariant } from './compiled-phrase';
import { Lexicon, LexiconOptions } from './lexicon';
import { IndexedTranscript, SPEAKER_BIT } from './transcript-index';
import { soundSimilarity } from './word-similarity';

/** Where a time window is measured from; offsets may be negative (e.g. the last minute of speech). */
export type WindowAnchor = 'call_start' | 'call_end' | 'speaker_start' | 'speaker_end';

export interface TimeWindow {
  anchor: WindowAnchor;
  fromMs?: number;
  toMs?: number;
}

/** Which words a phrase is looked for in: those of the given speakers that start inside the window. */
export interface MatchScope {
  speakers?: Speaker | readonly Speaker[];
  window?: TimeWindow;
}

export interface MatchedWord {
  expected: string;
  /** The transcript word(s) taken for it, or null when the phrase word was not heard. */
  heard: string | null;
  similarity: number;
  /** Why it was taken for the phrase word: the same word, a close spelling, the same sounds, or two words said for one. */
  how: 'same' | 'spelling' | 'sound' | 'split' | null;
  startMs: number | null;
  endMs: number | null;
}

export interface PhraseMatch {
  /** The wording that matched best. */
  phrase: string;
  score: number;
  matched: boolean;
  evidence: Evidence[];
  matchedWords: MatchedWord[];
}

export type PhraseMatcherOptions = LexiconOptions;

export interface CompileOptions {
  /** Score from which a phrase counts as said; defaults to 0.8. */
  threshold?: number;
  /** The phrase is a name: its words also match words pronounced alike (needs `pronounce`). */
  bySound?: boolean;
}

interface ResolvedScope {
  mask: number;
  list: Int32Array;
  lo: number;
  hi: number;
}

/**
 * Finds scripted or forbidden phrases in transcripts despite recognition errors: words compare by
 * spelling, sound (Metaphone, or pinyin for Mandarin) and split/joined forms, and are aligned in
 * order, tolerating filler words and a few missing words.
 *
 * Compile phrases once, index each transcript once, then match as often as needed.
 */
export class PhraseMatcher {
  private readonly lexicon: Lexicon;

  constructor(options: PhraseMatcherOptions = {}) {
    this.lexicon = new Lexicon(options);
  }

  /** Compiles a phrase; several texts are alternative wordings and the best one counts. */
  compile(text: string | readonly string[], options: CompileOptions = {}): CompiledPhrase {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const texts = typeof text === 'string' ? [text] : text;
    const variants: PhraseVariant[] = [];
    for (const t of texts) {
      const variant = compileVariant(t, this.lexicon, threshold, options.bySound);
      if (variant) variants.push(variant);
    }
    return { text: texts.join(' | '), variants, threshold };
  }

  index(transcript: Transcript): IndexedTranscript {
    return new IndexedTranscript(transcript, this.lexicon);
  }

  /**
   * The best occurrence of the phrase in scope, matched or not. A score at or above the threshold is
   * the best there is; below it, the score is that of the most promising place, a cheap estimate.
   */
  findBest(phrase: CompiledPhrase, transcript: IndexedTranscript, scope: MatchScope = {}): PhraseMatch {
    transcript.refresh();
    const { list, lo, hi, mask } = this.resolve(transcript, scope);
    if (hi <= lo) return noMatch(phrase);
    const postings = transcript.postingsOf(mask);
    let best: { variant: PhraseVariant; run: AlignmentRun; score: number } | undefined;
    let fallback: { variant: PhraseVariant; run: AlignmentRun; bound: number } | undefined;
    for (const variant of phrase.variants) {
      const candidates = findCandidates(variant, postings, list.length, lo, hi, Math.max(phrase.threshold, best?.score ?? 0));
      for (const run of candidates.regions) {
        const score = scoreRun(variant, transcript, this.lexicon, list, run);
        if (!best || score > best.score) best = { variant, run, score };
      }
      if (candidates.best && (!fallback || candidates.best.bound > fallback.bound)) fallback = { variant, run: candidates.best, bound: candidates.best.bound };
    }
    if ((!best || best.score < phrase.threshold) && fallback) {
      const score = scoreRun(fallback.variant, transcript, this.lexicon, list, fallback.run);
      if (!best || score > best.score) best = { variant: fallback.variant, run: fallback.run, score };
    }
    if (!best) return noMatch(phrase);
    return this.toMatch(phrase, best.variant, alignRun(best.variant, transcript, this.lexicon, list, best.run), transcript, list);
  }

  /** Every separate occurrence that reaches the threshold, in time order. */
  findAll(phrase: CompiledPhrase, transcript: IndexedTranscript, scope: MatchScope = {}): PhraseMatch[] {
    transcript.refresh();
    const { list, lo, hi, mask } = this.resolve(transcript, scope);
    const found: PhraseMatch[] = [];
    if (hi <= lo) return found;
    const postings = transcript.postingsOf(mask);
    for (const variant of phrase.variants) {
      // A region may hold several occurrences: after each match, look again on either side of it.
      const pending: AlignmentRun[] = findCandidates(variant, postings, list.length, lo, hi, phrase.threshold).regions;
      for (let run = pending.pop(); run; run = pending.pop()) {
        const alignment = alignRun(variant, transcript, this.lexicon, list, run);
        if (alignment.score < phrase.threshold) continue;
        found.push(this.toMatch(phrase, variant, alignment, transcript, list));
        const { first, last } = matchedSpan(alignment);
        if (first > run.from) pending.push({ from: run.from, to: first - 1 });
        if (last < run.to) pending.push({ from: last + 1, to: run.to });
      }
    }
    return withoutOverlaps(found);
  }

  private resolve(transcript: IndexedTranscript, scope: MatchScope): ResolvedScope {
    const speakers = scope.speakers === undefined ? undefined : typeof scope.speakers === 'string' ? [scope.speakers] : scope.speakers;
    let mask = 0;
    for (const speaker of speakers ?? (['agent', 'customer', 'unknown'] as const)) mask |= SPEAKER_BIT[speaker];
    // Speakers who say nothing change nothing; dropping them lets more scopes share one token list.
    mask &= transcript.speakersPresent;
    const list = transcript.tokensOf(mask);
    const window = scope.window;
    if (!window || list.length === 0) return { mask, list, lo: 0, hi: list.length };
    const origin = windowOrigin(transcript, list, window.anchor);
    const from = origin + (window.fromMs ?? -Infinity);
    const to = origin + (window.toMs ?? Infinity);
    const starts = transcript.tokenStartMs;
    return { mask, list, lo: firstAtOrAfter(list, starts, from), hi: firstAtOrAfter(list, starts, to, true) };
  }

  private toMatch(phrase: CompiledPhrase, variant: PhraseVariant, alignment: Alignment, transcript: IndexedTranscript, list: Int32Array): PhraseMatch {
    const matchedWords: MatchedWord[] = [];
    for (let w = 0; w < variant.tokens.length; w++) {
      const a = alignment.wordFirst[w];
      const b = alignment.wordLast[w];
      if (a < 0) {
        matchedWords.push({ expected: variant.tokens[w], heard: null, similarity: 0, how: null, startMs: null, endMs: null });
        continue;
      }
      const entry = transcript.entries[list[a]];
      const type = this.lexicon.phraseType(variant.typeIds[w]);
      const how =
        a !== b
          ? 'split'
          : entry.text === type.text
            ? 'same'
            : soundSimilarity(type, entry.phones) >= alignment.wordSimilarity[w] - 1e-9
              ? 'sound'
              : 'spelling';
      const heard =
        a === b ? transcript.textBetween(list[a], list[a]) : `${transcript.textBetween(list[a], list[a])} ${transcript.textBetween(list[b], list[b])}`;
      matchedWords.push({
        expected: variant.tokens[w],
        heard,
        similarity: alignment.wordSimilarity[w],
        how,
        startMs: transcript.tokenStartMs[list[a]],
        endMs: transcript.tokenEndMs[list[b]],
      });
    }
    const { first, last } = matchedSpan(alignment);
    const evidence = first <= last ? evidenceBetween(transcript, list, first, last) : [];
    return { phrase: variant.text, score: alignment.score, matched: alignment.score >= phrase.threshold, evidence, matchedWords };
  }
}

/** List positions of the first and last transcript words credited in an alignment. */
function matchedSpan(alignment: Alignment): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (let w = 0; w < alignment.wordFirst.length; w++) {
    if (alignment.wordFirst[w] < 0) continue;
    first = Math.min(first, alignment.wordFirst[w]);
    last = Math.max(last, alignment.wordLast[w]);
  }
  return { first, last };
}

function noMatch(phrase: CompiledPhrase): PhraseMatch {
  const variant = phrase.variants[0];
  const matchedWords: MatchedWord[] = (variant?.tokens ?? []).map((expected) => ({
    expected,
    heard: null,
    similarity: 0,
    how: null,
    startMs: null,
    endMs: null,
  }));
  return { phrase: variant?.text ?? phrase.text, score: 0, matched: false, evidence: [], matchedWords };
}

function windowOrigin(transcript: IndexedTranscript, list: Int32Array, anchor: WindowAnchor): number {
  switch (anchor) {
    case 'call_start':
      return 0;
    case 'call_end':
      return transcript.endMs;
    case 'speaker_start':
      return transcript.tokenStartMs[list[0]];
    case 'speaker_end':
      return transcript.tokenEndMs[list[list.length - 1]];
  }
}

/** First position whose start is ≥ `ms` (or > `ms` when `after`); `list` is ordered by start time. */
function firstAtOrAfter(list: Int32Array, starts: Float64Array, ms: number, after = false): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = starts[list[mid]];
    if (after ? start <= ms : start < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The transcript words from the first to the last matched word, one evidence item per segment. */
function evidenceBetween(transcript: IndexedTranscript, list: Int32Array, first: number, last: number): Evidence[] {
  const evidence: Evidence[] = [];
  let groupStart = first;
  for (let k = first; k <= last; k++) {
    const segment = transcript.unitSegment[transcript.tokenUnit[list[k]]];
    const next = k < last ? transcript.unitSegment[transcript.tokenUnit[list[k + 1]]] : -1;
    if (next === segment) continue;
    const a = list[groupStart];
    const b = list[k];
    evidence.push({
      speaker: transcript.speakerOf(a),
      startMs: transcript.tokenStartMs[a],
      endMs: transcript.tokenEndMs[b],
      text: transcript.textBetween(a, b),
    });
    groupStart = k + 1;
  }
  return evidence;
}

function withoutOverlaps(matches: PhraseMatch[]): PhraseMatch[] {
  const byScore = [...matches].sort((a, b) => b.score - a.score);
  const kept: PhraseMatch[] = [];
  for (const match of byScore) {
    const start = match.evidence[0]?.startMs ?? 0;
    const end = match.evidence[match.evidence.length - 1]?.endMs ?? 0;
    const overlaps = kept.some((k) => start < (k.evidence[k.evidence.length - 1]?.endMs ?? 0) && end > (k.evidence[0]?.startMs ?? 0));
    if (!overlaps) kept.push(match);
  }
  return kept.sort((a, b) => (a.evidence[0]?.startMs ?? 0) - (b.evidence[0]?.startMs ?? 0));
}
