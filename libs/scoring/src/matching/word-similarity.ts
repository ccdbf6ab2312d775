import { editDistance, editSimilarity } from './edit-distance';
import { bestPhoneSimilarity } from './phones';

/** A token of a compiled phrase, shared by every phrase that uses the same word. */
export interface PhraseType {
  id: number;
  text: string;
  cjk: boolean;
  /** Metaphone key for Latin words, toneless pinyin (read in context) for Han characters. */
  key: string;
  foldedKey: string;
  /** Pronunciations (phone codes) of a word matched by sound too: words of names. */
  phones?: readonly string[];
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
  /** Pronunciations (phone codes), looked up the first time a name is compared with this word. */
  phones?: readonly string[];
}

const SAME_SOUND = 0.85;
const SIMILAR_SOUND = 0.7;
/** A name heard as words that sound the same ("sea brook" for Seabrook) is all but the name itself. */
export const BY_SOUND = 0.95;

/** Similarity by pronunciation, for phrase words compiled to be matched by sound. */
export function soundSimilarity(phrase: PhraseType, phones: readonly string[] | undefined): number {
  if (!phrase.phones || !phones || phones.length === 0) return 0;
  return BY_SOUND * bestPhoneSimilarity(phrase.phones, phones);
}

function latinSimilarity(phrase: PhraseType, word: WordEntry, floor: number): number {
  if (phrase.text === word.text) return 1;
  let best = Math.max(editSimilarity(phrase.text, word.text, floor), soundSimilarity(phrase, word.phones));
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
  const bySound = joinedSoundSimilarity(phrase, first, second);
  const rest = phrase.text.length - first.text.length;
  const limit = Math.floor((1 - floor) * phrase.text.length);
  const distance = phrase.text.startsWith(first.text) ? editDistance(phrase.text.slice(first.text.length), second.text, limit) : limit + 1;
  const bySpelling = distance > limit ? 0 : 1 - distance / Math.max(phrase.text.length, first.text.length + second.text.length, rest);
  const similarity = Math.max(bySound, bySpelling);
  return similarity >= floor ? similarity : 0;
}

/** "sea" + "brook" said for Seabrook: the two pronunciations one after the other, against the name's. */
function joinedSoundSimilarity(phrase: PhraseType, first: WordEntry, second: WordEntry): number {
  if (!phrase.phones || !first.phones || !second.phones) return 0;
  const joined = first.phones.flatMap((a) => second.phones!.map((b) => a + b));
  return soundSimilarity(phrase, joined);
}
