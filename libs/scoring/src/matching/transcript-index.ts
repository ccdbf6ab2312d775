import { Speaker, Transcript } from '../transcript.types';
import { Lexicon } from './lexicon';
import { splitUnits } from './normalise-text';
import { isCjkCode } from './script';
import { WordEntry } from './word-similarity';

/**
 * For one speaker list: where each phrase type occurs (list positions, ascending) and how similar the
 * word there is; `prefix*` lists where a word begins a phrase type ("north" of northwind).
 */
export interface TypePostings {
  offsets: Int32Array;
  positions: Int32Array;
  similarities: Float64Array;
  prefixOffsets: Int32Array;
  prefixPositions: Int32Array;
}

export const SPEAKER_BIT: Record<Speaker, number> = { agent: 1, customer: 2, unknown: 4 };
const SPEAKER_OF_BIT: Speaker[] = ['agent', 'agent', 'customer', 'agent', 'unknown'];

/**
 * A transcript flattened into normalised tokens with times, ready for phrase matching. Build it once
 * per call and match every phrase of the scorecard against it.
 *
 * A unit is what the transcript calls a word (or, without word timings, a piece of the text); a
 * unit yields zero or more tokens ("24" → twenty, four).
 */
export class IndexedTranscript {
  entries: WordEntry[] = [];
  tokenUnit: Int32Array;
  tokenStartMs: Float64Array;
  tokenEndMs: Float64Array;
  tokenSpeakerBit: Uint8Array;
  readonly unitText: string[] = [];
  unitSegment: Int32Array;
  /** Offsets of the unit in its segment's text, or -1 when it came from the word list. */
  unitCharStart: Int32Array;
  unitCharEnd: Int32Array;
  /** Phrase types the entries had been compared with when the index was built. */
  comparedTypes: number;
  private tokenCount = 0;
  private readonly tokensBySpeakers: (Int32Array | undefined)[] = [];
  private postingsBySpeakers: (TypePostings | undefined)[] = [];
  private cjkTokens = 0;
  private presentMask = 0;

  constructor(
    readonly segments: Transcript,
    private readonly lexicon: Lexicon,
  ) {
    let capacity = 16;
    for (const segment of segments) capacity += segment.words?.length || segment.text.length >> 1;
    this.tokenUnit = new Int32Array(capacity);
    this.tokenStartMs = new Float64Array(capacity);
    this.tokenEndMs = new Float64Array(capacity);
    this.tokenSpeakerBit = new Uint8Array(capacity);
    this.unitSegment = new Int32Array(capacity);
    this.unitCharStart = new Int32Array(capacity);
    this.unitCharEnd = new Int32Array(capacity);
    let sorted = true;
    for (let s = 1; s < segments.length && sorted; s++) sorted = segments[s].startMs >= segments[s - 1].startMs;
    if (sorted) for (let s = 0; s < segments.length; s++) this.addSegment(s);
    else for (const s of segments.map((_, i) => i).sort((a, b) => segments[a].startMs - segments[b].startMs || a - b)) this.addSegment(s);
    this.comparedTypes = lexicon.typeCount;
  }

  get size(): number {
    return this.tokenCount;
  }

  get endMs(): number {
    let end = 0;
    for (let i = 0; i < this.tokenCount; i++) if (this.tokenEndMs[i] > end) end = this.tokenEndMs[i];
    return end;
  }

  /** Share of tokens that are Han characters: above one half the call is treated as Mandarin. */
  get cjkShare(): number {
    return this.size === 0 ? 0 : this.cjkTokens / this.size;
  }

  speakerOf(token: number): Speaker {
    return SPEAKER_OF_BIT[this.tokenSpeakerBit[token]];
  }

  /** Token indices spoken by any of the speakers in `mask`, ordered by start time. */
  tokensOf(mask: number): Int32Array {
    let tokens = this.tokensBySpeakers[mask];
    if (!tokens) {
      const picked: number[] = [];
      for (let i = 0; i < this.size; i++) if (this.tokenSpeakerBit[i] & mask) picked.push(i);
      if (!this.inTimeOrder(picked)) picked.sort((a, b) => this.tokenStartMs[a] - this.tokenStartMs[b] || a - b);
      tokens = Int32Array.from(picked);
      this.tokensBySpeakers[mask] = tokens;
    }
    return tokens;
  }

  /** Bits of the speakers that say anything. */
  get speakersPresent(): number {
    return this.presentMask;
  }

  private inTimeOrder(tokens: number[]): boolean {
    for (let k = 1; k < tokens.length; k++) if (this.tokenStartMs[tokens[k]] < this.tokenStartMs[tokens[k - 1]]) return false;
    return true;
  }

  /**
   * Whether the speakers in `mask` say at least `minWords` digit words in a row (fillers allowed),
   * as reading out a card number takes; lets callers skip the full number reader on most calls.
   */
  hasDigitRun(mask: number, minWords: number): boolean {
    const list = this.tokensOf(mask);
    let run = 0;
    for (let k = 0; k < list.length; k++) {
      const entry = this.entries[list[k]];
      if (entry.digitWord) {
        if (++run >= minWords) return true;
      } else if (!entry.filler) run = 0;
    }
    return false;
  }

  /** Brings word similarities up to date with phrases compiled after this index was built. */
  refresh(): void {
    if (this.comparedTypes === this.lexicon.typeCount) return;
    for (const entry of this.entries) this.lexicon.refresh(entry);
    this.comparedTypes = this.lexicon.typeCount;
    this.postingsBySpeakers = [];
  }

  /** Inverted index of `tokensOf(mask)`: built once per speaker set, it makes finding a phrase's words cost what they occur. */
  postingsOf(mask: number): TypePostings {
    let postings = this.postingsBySpeakers[mask];
    if (!postings) {
      postings = this.buildPostings(this.tokensOf(mask));
      this.postingsBySpeakers[mask] = postings;
    }
    return postings;
  }

  private buildPostings(list: Int32Array): TypePostings {
    const types = this.lexicon.typeCount;
    const offsets = new Int32Array(types + 1);
    const prefixOffsets = new Int32Array(types + 1);
    for (let k = 0; k < list.length; k++) {
      const entry = this.entries[list[k]];
      for (let q = 0; q < entry.matchIds.length; q++) offsets[entry.matchIds[q] + 1]++;
      for (let q = 0; q < entry.prefixOf.length; q++) prefixOffsets[entry.prefixOf[q] + 1]++;
    }
    for (let t = 0; t < types; t++) {
      offsets[t + 1] += offsets[t];
      prefixOffsets[t + 1] += prefixOffsets[t];
    }
    const positions = new Int32Array(offsets[types]);
    const similarities = new Float64Array(offsets[types]);
    const prefixPositions = new Int32Array(prefixOffsets[types]);
    const fill = offsets.slice(0, types);
    const prefixFill = prefixOffsets.slice(0, types);
    for (let k = 0; k < list.length; k++) {
      const entry = this.entries[list[k]];
      for (let q = 0; q < entry.matchIds.length; q++) {
        const at = fill[entry.matchIds[q]]++;
        positions[at] = k;
        similarities[at] = entry.matchSims[q];
      }
      for (let q = 0; q < entry.prefixOf.length; q++) prefixPositions[prefixFill[entry.prefixOf[q]]++] = k;
    }
    return { offsets, positions, similarities, prefixOffsets, prefixPositions };
  }

  /** The transcript text of tokens `from..to` (inclusive), as the recogniser wrote it. */
  textBetween(from: number, to: number): string {
    const firstUnit = this.tokenUnit[from];
    const lastUnit = this.tokenUnit[to];
    const segment = this.unitSegment[firstUnit];
    if (this.unitCharStart[firstUnit] >= 0 && this.unitCharStart[lastUnit] >= 0 && this.unitSegment[lastUnit] === segment) {
      return this.segments[segment].text.slice(this.unitCharStart[firstUnit], this.unitCharEnd[lastUnit]);
    }
    let text = '';
    let previousUnit = -1;
    for (let t = from; t <= to; t++) {
      const unit = this.tokenUnit[t];
      if (unit === previousUnit) continue;
      const piece = this.unitText[unit];
      if (text && !(endsWithCjk(text) && isCjkCode(piece.charCodeAt(0)))) text += ' ';
      text += piece;
      previousUnit = unit;
    }
    return text;
  }

  private addSegment(s: number): void {
    const segment = this.segments[s];
    const bit = SPEAKER_BIT[segment.speaker] ?? SPEAKER_BIT.unknown;
    if (segment.words && segment.words.length > 0) {
      for (const word of segment.words) this.addUnit(s, bit, word.text, word.startMs, word.endMs, -1, -1);
      return;
    }
    const units = splitUnits(segment.text);
    const step = (segment.endMs - segment.startMs) / Math.max(units.length, 1);
    for (let u = 0; u < units.length; u++) {
      const start = segment.startMs + u * step;
      this.addUnit(s, bit, units[u].text, start, start + step, units[u].start, units[u].end);
    }
  }

  private addUnit(segment: number, bit: number, text: string, startMs: number, endMs: number, charStart: number, charEnd: number): void {
    const entries = this.lexicon.entriesForUnit(text);
    if (entries.length === 0) return;
    const unit = this.unitText.length;
    if (unit === this.unitSegment.length) this.growUnits();
    this.unitText.push(text);
    this.unitSegment[unit] = segment;
    this.unitCharStart[unit] = charStart;
    this.unitCharEnd[unit] = charEnd;
    const step = (endMs - startMs) / entries.length;
    for (let k = 0; k < entries.length; k++) {
      const t = this.tokenCount++;
      if (t === this.tokenUnit.length) this.growTokens();
      this.entries.push(entries[k]);
      this.tokenUnit[t] = unit;
      // Times are whole milliseconds wherever they are shown, also for words cut from a longer one.
      this.tokenStartMs[t] = Math.round(startMs + k * step);
      this.tokenEndMs[t] = Math.round(startMs + (k + 1) * step);
      this.tokenSpeakerBit[t] = bit;
      this.presentMask |= bit;
      if (entries[k].cjk) this.cjkTokens++;
    }
  }

  private growTokens(): void {
    const size = this.tokenUnit.length * 2;
    this.tokenUnit = grow(this.tokenUnit, new Int32Array(size));
    this.tokenStartMs = grow(this.tokenStartMs, new Float64Array(size));
    this.tokenEndMs = grow(this.tokenEndMs, new Float64Array(size));
    this.tokenSpeakerBit = grow(this.tokenSpeakerBit, new Uint8Array(size));
  }

  private growUnits(): void {
    const size = this.unitSegment.length * 2;
    this.unitSegment = grow(this.unitSegment, new Int32Array(size));
    this.unitCharStart = grow(this.unitCharStart, new Int32Array(size));
    this.unitCharEnd = grow(this.unitCharEnd, new Int32Array(size));
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function endsWithCjk(text: string): boolean {
  return text.length > 0 && isCjkCode(text.charCodeAt(text.length - 1));
}
