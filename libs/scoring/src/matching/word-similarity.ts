import { editDistance, editSimilarity } from './edit-distance';

/** A token of a compiled phrase, shared by every phrase that uses the same word. */
export interface PhraseType {
  id: number;
  text: string;
  cjk: boolean;
  /** Metaphone key for Latin words, toneless pinyin (read in context) for Han characters. */
  key: string;
  foldedKey: string;
}

/** A normalised transcript token with its similarity to every known phrase type, computed once. */
export interface WordEntry {
  text: string;
  cjk: boolean;
  key: string;
  readings: readonly string[];
  foldedReadings: readonly string[];
  filler: boolean;
  /** A word that reads as digits ("four", "oh", "double"), for a cheap look for spoken numbers. */
  digitWord: boolean;
  /** Phrase types this word resembles (similarity ≥ the lexicon floor), parallel to `matchSims`. */
  matchIds: number[];
  matchSims: number[];
  /** Phrase types this word begins, so "north" + "wind" can be read as "northwind". */
  prefixOf: number[];
  /** Number of phrase types already compared with this word. */
  comparedTypes: number;
}

const SAME_SOUND = 0.85;
const SIMILAR_SOUND = 0.7;

function latinSimilarity(phrase: PhraseType, word: WordEntry, floor: number): number {
  if (phrase.text === word.text) return 1;
  let best = editSimilarity(phrase.text, word.text, floor);
  // Metaphone keys of one- and two-letter words collide too often ("a", "oh", "I") to mean anything.
  if (phrase.text.length >= 3 && word.text.length >= 3 && phrase.key && word.key) {
    if (phrase.key === word.key) best = Math.max(best, SAME_SOUND);
    else if (Math.max(phrase.key.length, word.key.length) >= 3) {
      best = Math.max(best, SAME_SOUND * editSimilarity(phrase.key, word.key, floor / SAME_SOUND));
    }
  }
  return best >= floor ? best : 0;
}

function cjkSimilarity(phrase: PhraseType, word: WordEntry): number {
  if (phrase.text === word.text) return 1;
  if (word.readings.includes(phrase.key)) return SAME_SOUND;
  if (word.foldedReadings.includes(phrase.foldedKey)) return SIMILAR_SOUND;
  return 0;
}

export function wordSimilarity(phrase: PhraseType, word: WordEntry, floor: number): number {
  if (phrase.cjk !== word.cjk) return 0;
  const similarity = phrase.cjk ? cjkSimilarity(phrase, word) : latinSimilarity(phrase, word, floor);
  return similarity >= floor ? similarity : 0;
}

/** Similarity of a phrase word to two adjacent transcript words read as one ("north" "wind" → northwind). */
export function joinedSimilarity(phrase: PhraseType, first: WordEntry, second: WordEntry, floor: number): number {
  const rest = phrase.text.length - first.text.length;
  const limit = Math.floor((1 - floor) * phrase.text.length);
  const distance = editDistance(phrase.text.slice(first.text.length), second.text, limit);
  if (distance > limit) return 0;
  const similarity = 1 - distance / Math.max(phrase.text.length, first.text.length + second.text.length, rest);
  return similarity >= floor ? similarity : 0;
}
