import { pronounce, type PronouncingDictionary } from './pronunciation';

export interface VocabularyPlan {
  /** Dictionary entries to add, word -> pronunciations. */
  additions: Map<string, string[]>;
  /**
   * Words the language model cannot produce, to be found by keyword spotting; one entry per
   * pronunciation ("northwind", "northwind(2)") because spotting uses only the one it is given.
   */
  keywords: Array<{ word: string; phoneCount: number }>;
}

/** Splits names like "Northwind Bank" or "Mary-Jane" into the lower-case words the recogniser handles. */
export function vocabularyWords(vocabulary: readonly string[]): string[] {
  const words = vocabulary.flatMap((entry) => entry.toLowerCase().split(/[^a-z']+/)).map((word) => word.replace(/^'+|'+$/g, ''));
  return [...new Set(words.filter((word) => word.length >= 2))];
}

export function planVocabulary(
  vocabulary: readonly string[],
  dictionary: PronouncingDictionary,
  languageModelWords: ReadonlySet<string> | undefined,
): VocabularyPlan {
  const additions = new Map<string, string[]>();
  const keywords: VocabularyPlan['keywords'] = [];
  for (const word of vocabularyWords(vocabulary)) {
    if (languageModelWords?.has(word) && dictionary.has(word)) continue;
    const pronunciations = pronounce(word, dictionary);
    if (pronunciations.length === 0) continue;
    if (!dictionary.has(word)) additions.set(word, pronunciations);
    pronunciations.forEach((phones, i) => {
      keywords.push({ word: i === 0 ? word : `${word}(${i + 1})`, phoneCount: phones.split(' ').length });
    });
  }
  return { additions, keywords };
}
