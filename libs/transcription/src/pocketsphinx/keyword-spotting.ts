import type { RecognizedWord } from '../transcriber';

/**
 * Detection threshold for a keyword of n phones: short words match unrelated speech easily and
 * need a strict threshold, long words rarely match by chance. Tuned on flite voices slt, awb and
 * rms: "priya" (5 phones, 1e-6) and "northwind" (8 phones, 1e-12) are found in the greeting; the
 * only false hit on unrelated sentences ("the priest prayed") is refused by mergeKeywordHits.
 */
export function keywordThreshold(phoneCount: number): number {
  return 10 ** -(2 * Math.max(1, phoneCount - 2));
}

/** The file passed to `-kws`: one keyphrase per line with its threshold. */
export function keywordListFile(keywords: ReadonlyArray<{ word: string; phoneCount: number }>): string {
  return keywords.map(({ word, phoneCount }) => `${word} /${keywordThreshold(phoneCount).toExponential(0)}/\n`).join('');
}

/**
 * The language model cannot produce words it lacks; it hears "Northwind" as "an earth wind", with
 * low confidence. A keyword hit replaces the recognised words it covers, but only where the
 * recogniser was unsure of them, so a spotted name never overwrites speech it heard clearly. The
 * 0.7 gate: true hits covered words averaging 0.32-0.58, the false "priya" on "priest" covered 1.0.
 */
export function mergeKeywordHits(recognised: readonly RecognizedWord[], hits: readonly RecognizedWord[], maxReplacedConfidence = 0.7): RecognizedWord[] {
  let words = [...recognised];
  for (const hit of strongestNonOverlapping(hits)) {
    const covered = words.filter((word) => mostlyInside(word, hit));
    const meanConfidence = covered.reduce((sum, word) => sum + word.confidence, 0) / Math.max(1, covered.length);
    if (covered.length > 0 && meanConfidence >= maxReplacedConfidence) continue;
    words = words.filter((word) => !covered.includes(word));
    words.push(hit);
  }
  return words.sort((a, b) => a.startMs - b.startMs);
}

function strongestNonOverlapping(hits: readonly RecognizedWord[]): RecognizedWord[] {
  const kept: RecognizedWord[] = [];
  for (const hit of [...hits].sort((a, b) => b.confidence - a.confidence)) {
    if (!kept.some((other) => hit.startMs < other.endMs && other.startMs < hit.endMs)) kept.push(hit);
  }
  return kept;
}

function mostlyInside(word: RecognizedWord, span: RecognizedWord): boolean {
  const overlap = Math.min(word.endMs, span.endMs) - Math.max(word.startMs, span.startMs);
  return overlap > 0 && overlap * 2 >= word.endMs - word.startMs;
}
