import { Lexicon } from './lexicon';
import { normaliseText } from './normalise-text';
import { phraseReadings } from './pinyin-key';
import { containsCjk, isCjkCode } from './script';

/** One wording of a phrase, reduced to phrase-type ids and lookup tables for the aligner. */
export interface PhraseVariant {
  text: string;
  tokens: readonly string[];
  typeIds: Int32Array;
  /** Type of tokens i and i+1 written together ("north" "wind" → northwind), or -1. */
  joinIds: Int32Array;
  /** Distinct types whose occurrences may start or extend a match, with the credit weight of each (2 for joined forms). */
  anchorTypes: Int32Array;
  anchorWeights: Float64Array;
  /** Most transcript positions one occurrence can span and still reach the threshold. */
  span: number;
}

/** A phrase (or several wordings of it) compiled once and matched against many transcripts. */
export interface CompiledPhrase {
  text: string;
  variants: readonly PhraseVariant[];
  threshold: number;
}

export const DEFAULT_THRESHOLD = 0.8;
/** Cost of an extra transcript word inside a match, and of a filler word, in matched-word units. */
export const INSERT_COST = 0.25;
export const FILLER_COST = 0.02;

function isCjkToken(token: string): boolean {
  return token.length === 1 && isCjkCode(token.charCodeAt(0));
}

/** `bySound`: the words are names, matched by pronunciation as well as by spelling. */
export function compileVariant(text: string, lexicon: Lexicon, threshold: number, bySound = false): PhraseVariant | undefined {
  const tokens = normaliseText(text);
  if (tokens.length === 0) return undefined;
  const readings = containsCjk(text) ? phraseReadings(text) : [];
  let reading = 0;
  const typeIds = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    typeIds[i] = isCjkToken(tokens[i]) ? lexicon.internPhraseWord(tokens[i], readings[reading++]) : lexicon.internPhraseWord(tokens[i], undefined, bySound);
  }
  const joinIds = new Int32Array(Math.max(tokens.length - 1, 0)).fill(-1);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!isCjkToken(tokens[i]) && !isCjkToken(tokens[i + 1])) {
      joinIds[i] = lexicon.internPhraseWord(tokens[i] + tokens[i + 1], undefined, bySound);
    }
  }
  const weights = new Map<number, number>();
  for (const id of typeIds) weights.set(id, Math.max(weights.get(id) ?? 0, 1));
  for (const id of joinIds) if (id >= 0) weights.set(id, 2);
  const anchorTypes = Int32Array.from(weights.keys());
  const anchorWeights = Float64Array.from(weights.values());
  // Extra words cost INSERT_COST each, so a match reaching the threshold has few of them; the slack
  // leaves room for fillers and split words.
  const span = tokens.length + Math.floor(((1 - threshold) * tokens.length) / INSERT_COST) + 3;
  return { text, tokens, typeIds, joinIds, anchorTypes, anchorWeights, span };
}
