import { DIGIT_WORDS, FILLER_WORDS } from './filler-words';
import { normaliseUnit } from './normalise-text';
import { phoneticKey } from './phonetic-key';
import { phoneCode, phoneSimilarity, Pronounce } from './phones';
import { charReadings, foldPinyin } from './pinyin-key';
import { containsCjk, isCjkCode } from './script';
import { PhraseType, WordEntry, wordSimilarity } from './word-similarity';

export interface LexiconOptions {
  /** Word pairs less similar than this count as different words. */
  minWordSimilarity?: number;
  /** Distinct transcript words remembered before the cache starts over. */
  maxCachedWords?: number;
  /** Pronunciations of words, so names are matched by sound as well as by spelling. */
  pronounce?: Pronounce;
}

/** Shortest start of a name, in phones, that may begin it when the name is heard as two words. */
const MIN_PREFIX_PHONES = 2;
/** How alike a heard word and the start of a name must sound for the word to be tried as its first half. */
const PREFIX_SOUND = 0.75;

/** Shortest first half of a split word worth trying ("north" wind), so "no" does not start "northwind". */
const MIN_PREFIX_LENGTH = 3;

/**
 * Interns phrase words and transcript words, and remembers how similar each transcript word is to
 * each phrase word. Calls share most of their vocabulary, so after a warm-up indexing a transcript
 * is a map lookup per word and no similarity is computed while scoring.
 */
export class Lexicon {
  readonly minWordSimilarity: number;
  private readonly maxCachedWords: number;
  private readonly pronounce: Pronounce | undefined;
  private readonly types: PhraseType[] = [];
  private readonly typeIds = new Map<string, number>();
  private readonly entriesByToken = new Map<string, WordEntry>();
  private readonly entriesByUnit = new Map<string, readonly WordEntry[]>();

  constructor(options: LexiconOptions = {}) {
    this.minWordSimilarity = options.minWordSimilarity ?? 0.6;
    this.maxCachedWords = options.maxCachedWords ?? 200_000;
    this.pronounce = options.pronounce;
  }

  /** Whether words can be compared by sound (a pronouncing dictionary was given). */
  get hearsSounds(): boolean {
    return this.pronounce !== undefined;
  }

  private phonesOf(word: string): string[] {
    if (!this.pronounce) return [];
    return [...new Set(this.pronounce(word).map(phoneCode).filter(Boolean))].slice(0, 4);
  }

  get typeCount(): number {
    return this.types.length;
  }

  phraseType(id: number): PhraseType {
    return this.types[id];
  }

  /**
   * Id of a phrase word; a Han character is told apart by its reading in the phrase. A word `bySound`
   * (a name) also matches words that are pronounced alike, when a pronouncing dictionary was given.
   */
  internPhraseWord(text: string, reading?: string, bySound = false): number {
    const cjk = text.length === 1 && isCjkCode(text.charCodeAt(0));
    const key = cjk ? (reading ?? charReadings(text)[0] ?? text) : phoneticKey(text);
    const sound = bySound && !cjk && this.pronounce !== undefined;
    const lookup = cjk ? `${text}|${key}` : sound ? `${text}|sound` : text;
    let id = this.typeIds.get(lookup);
    if (id === undefined) {
      id = this.types.length;
      const phones = sound ? this.phonesOf(text) : [];
      this.types.push({ id, text, cjk, key, foldedKey: cjk ? foldPinyin(key) : key, ...(phones.length > 0 ? { phones } : {}) });
      this.typeIds.set(lookup, id);
    }
    return id;
  }

  /** Normalised tokens of one raw transcript word ("I'm," → i, am), with similarities up to date. */
  entriesForUnit(raw: string): readonly WordEntry[] {
    let entries = this.entriesByUnit.get(raw);
    if (!entries) {
      if (this.entriesByToken.size > this.maxCachedWords) this.forget();
      const tokens = raw.length > 1 && containsCjk(raw) ? splitCjk(raw) : normaliseUnit(raw);
      entries = tokens.map((token) => this.entryForToken(token));
      this.entriesByUnit.set(raw, entries);
    }
    for (let i = 0; i < entries.length; i++) {
      if (entries[i].comparedTypes < this.types.length) this.compare(entries[i]);
    }
    return entries;
  }

  refresh(entry: WordEntry): void {
    if (entry.comparedTypes < this.types.length) this.compare(entry);
  }

  private entryForToken(token: string): WordEntry {
    let entry = this.entriesByToken.get(token);
    if (!entry) {
      const cjk = token.length === 1 && isCjkCode(token.charCodeAt(0));
      const readings = cjk ? charReadings(token) : [];
      entry = {
        text: token,
        cjk,
        key: cjk ? (readings[0] ?? token) : phoneticKey(token),
        readings,
        foldedReadings: readings.map(foldPinyin),
        filler: FILLER_WORDS.has(token),
        digitWord: DIGIT_WORDS.has(token),
        matchIds: [],
        matchSims: [],
        prefixOf: [],
        comparedTypes: 0,
      };
      this.entriesByToken.set(token, entry);
    }
    return entry;
  }

  private compare(entry: WordEntry): void {
    const floor = this.minWordSimilarity;
    for (let id = entry.comparedTypes; id < this.types.length; id++) {
      const type = this.types[id];
      if (type.phones && entry.phones === undefined && !entry.cjk) entry.phones = this.phonesOf(entry.text);
      const similarity = wordSimilarity(type, entry, floor);
      if (similarity > 0) {
        entry.matchIds.push(id);
        entry.matchSims.push(similarity);
      }
      if (
        !type.cjk &&
        !entry.cjk &&
        entry.text.length >= MIN_PREFIX_LENGTH &&
        type.text.length >= entry.text.length + MIN_PREFIX_LENGTH &&
        type.text.startsWith(entry.text)
      ) {
        entry.prefixOf.push(id);
      } else if (type.phones && entry.phones && beginsLike(entry.phones, type.phones)) {
        entry.prefixOf.push(id);
      }
    }
    entry.comparedTypes = this.types.length;
  }

  private forget(): void {
    this.entriesByToken.clear();
    this.entriesByUnit.clear();
  }
}

/** Whether a heard word sounds like the start of a name, leaving room for a second word ("sea" of Seabrook). */
function beginsLike(word: readonly string[], name: readonly string[]): boolean {
  for (const w of word) {
    if (w.length < MIN_PREFIX_PHONES) continue;
    for (const n of name) {
      if (n.length >= w.length + MIN_PREFIX_PHONES && phoneSimilarity(w, n.slice(0, w.length)) >= PREFIX_SOUND) return true;
    }
  }
  return false;
}

/** A recogniser word like "您好" or "VIP客户" becomes one token per Han character plus its Latin parts. */
function splitCjk(raw: string): string[] {
  const tokens: string[] = [];
  let latin = '';
  for (const ch of raw) {
    if (isCjkCode(ch.charCodeAt(0))) {
      if (latin) tokens.push(...normaliseUnit(latin));
      latin = '';
      tokens.push(ch);
    } else latin += ch;
  }
  if (latin) tokens.push(...normaliseUnit(latin));
  return tokens;
}
