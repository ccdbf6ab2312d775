import { FILLER_COST, INSERT_COST, PhraseVariant } from './compiled-phrase';
import { Lexicon } from './lexicon';
import { IndexedTranscript } from './transcript-index';
import { joinedSimilarity, WordEntry } from './word-similarity';

const STOP = 0;
const DIAGONAL = 1;
const UP = 2;
const LEFT = 3;
const TRANSCRIPT_JOIN = 4;
const PHRASE_JOIN = 5;

/** A stretch of list positions worth aligning: from a likely first word to one past the last (joins need it). */
export interface AlignmentRun {
  from: number;
  to: number;
}

/** Where each phrase word landed: list positions `first..last` (-1 when missing) and its similarity. */
export interface Alignment {
  score: number;
  wordFirst: Int32Array;
  wordLast: Int32Array;
  wordSimilarity: Float64Array;
}

/**
 * A word taken for two phrase words written together must be close to both: "anything" is not
 * "anything else", however similar the spellings.
 */
const MIN_JOIN_SIMILARITY = 0.8;

// Scratch buffers shared by every alignment; matching is synchronous so they never overlap.
let cells = new Float64Array(1024);
let moves = new Uint8Array(1024);

function similarityOf(entry: WordEntry, typeId: number): number {
  const ids = entry.matchIds;
  for (let q = 0; q < ids.length; q++) if (ids[q] === typeId) return entry.matchSims[q];
  return 0;
}

function hasPrefix(entry: WordEntry, typeId: number): boolean {
  const ids = entry.prefixOf;
  for (let q = 0; q < ids.length; q++) if (ids[q] === typeId) return true;
  return false;
}

/** Score of the best alignment of the phrase within the run. */
export function scoreRun(variant: PhraseVariant, index: IndexedTranscript, lexicon: Lexicon, list: Int32Array, run: AlignmentRun): number {
  const n = variant.typeIds.length;
  const endColumn = fillCells(variant, index, lexicon, list, run);
  return clampScore(cells[n * (run.to - run.from + 2) + endColumn] / n);
}

/** The best alignment of the phrase within the run, with where each phrase word landed. */
export function alignRun(variant: PhraseVariant, index: IndexedTranscript, lexicon: Lexicon, list: Int32Array, run: AlignmentRun): Alignment {
  const n = variant.typeIds.length;
  const endColumn = fillCells(variant, index, lexicon, list, run);
  const score = clampScore(cells[n * (run.to - run.from + 2) + endColumn] / n);
  return traceBack(variant, index, lexicon, list, run, endColumn, score);
}

function clampScore(score: number): number {
  return Math.min(Math.max(score, 0), 1);
}

/**
 * Semi-global alignment: every phrase word is matched (credited with its similarity), missing (no
 * credit), or matched across a split/joined word; extra transcript words in between cost a little,
 * fillers almost nothing. Fills the scratch table and returns the column where the phrase ends best.
 */
function fillCells(variant: PhraseVariant, index: IndexedTranscript, lexicon: Lexicon, list: Int32Array, run: AlignmentRun): number {
  const n = variant.typeIds.length;
  const m = run.to - run.from + 1;
  const width = m + 1;
  const size = (n + 1) * width;
  if (cells.length < size) {
    cells = new Float64Array(size * 2);
    moves = new Uint8Array(size * 2);
  }
  const floor = lexicon.minWordSimilarity;
  const entries = index.entries;
  for (let j = 0; j <= m; j++) {
    cells[j] = 0;
    moves[j] = STOP;
  }
  for (let i = 1; i <= n; i++) {
    const typeId = variant.typeIds[i - 1];
    const joinId = i >= 2 ? variant.joinIds[i - 2] : -1;
    const row = i * width;
    const above = row - width;
    cells[row] = 0;
    moves[row] = UP;
    for (let j = 1; j <= m; j++) {
      const entry = entries[list[run.from + j - 1]];
      let best = cells[above + j - 1] + similarityOf(entry, typeId);
      let move = DIAGONAL;
      if (cells[above + j] > best) {
        best = cells[above + j];
        move = UP;
      }
      const inserted = cells[row + j - 1] - (entry.filler ? FILLER_COST : INSERT_COST);
      if (inserted > best) {
        best = inserted;
        move = LEFT;
      }
      if (j >= 2) {
        const previous = entries[list[run.from + j - 2]];
        if (previous.prefixOf.length > 0 && hasPrefix(previous, typeId)) {
          const joined = cells[above + j - 2] + joinedSimilarity(lexicon.phraseType(typeId), previous, entry, floor);
          if (joined > best) {
            best = joined;
            move = TRANSCRIPT_JOIN;
          }
        }
      }
      if (joinId >= 0) {
        const similarity = similarityOf(entry, joinId);
        if (similarity >= MIN_JOIN_SIMILARITY && cells[above - width + j - 1] + 2 * similarity > best) {
          best = cells[above - width + j - 1] + 2 * similarity;
          move = PHRASE_JOIN;
        }
      }
      cells[row + j] = best;
      moves[row + j] = move;
    }
  }
  const last = n * width;
  let endColumn = 1;
  for (let j = 2; j <= m; j++) if (cells[last + j] > cells[last + endColumn]) endColumn = j;
  return endColumn;
}

function traceBack(
  variant: PhraseVariant,
  index: IndexedTranscript,
  lexicon: Lexicon,
  list: Int32Array,
  run: AlignmentRun,
  endColumn: number,
  score: number,
): Alignment {
  const n = variant.typeIds.length;
  const width = run.to - run.from + 2;
  const wordFirst = new Int32Array(n).fill(-1);
  const wordLast = new Int32Array(n).fill(-1);
  const wordSimilarity = new Float64Array(n);
  const entryAt = (j: number): WordEntry => index.entries[list[run.from + j - 1]];
  let i = n;
  let j = endColumn;
  while (i > 0 && j > 0) {
    const move = moves[i * width + j];
    if (move === DIAGONAL) {
      const similarity = similarityOf(entryAt(j), variant.typeIds[i - 1]);
      if (similarity > 0) {
        wordFirst[i - 1] = wordLast[i - 1] = run.from + j - 1;
        wordSimilarity[i - 1] = similarity;
      }
      i--;
      j--;
    } else if (move === UP) {
      i--;
    } else if (move === LEFT) {
      j--;
    } else if (move === TRANSCRIPT_JOIN) {
      const type = lexicon.phraseType(variant.typeIds[i - 1]);
      wordFirst[i - 1] = run.from + j - 2;
      wordLast[i - 1] = run.from + j - 1;
      wordSimilarity[i - 1] = joinedSimilarity(type, entryAt(j - 1), entryAt(j), lexicon.minWordSimilarity);
      i--;
      j -= 2;
    } else {
      const similarity = similarityOf(entryAt(j), variant.joinIds[i - 2]);
      for (const w of [i - 2, i - 1]) {
        wordFirst[w] = wordLast[w] = run.from + j - 1;
        wordSimilarity[w] = similarity;
      }
      i -= 2;
      j--;
    }
  }
  return { score, wordFirst, wordLast, wordSimilarity };
}
