import type { RecognizedWord } from '../transcriber';
import { TranscriptionError } from '../transcription-error';

// With `-time yes` pocketsphinx prints, per utterance, the hypothesis line and then one line per
// word: "hello(2) 0.140 0.650 0.999400" (start and end in seconds, posterior probability). Keyword
// spotting prints the same shape with two spaces after the word.
const WORD_LINE = /^(\S+)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s*$/i;
const ALTERNATE_PRONUNCIATION = /\(\d+\)$/;

export function parsePocketsphinxOutput(stdout: string): RecognizedWord[] {
  const words: RecognizedWord[] = [];
  const lines = stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const timed = lines.map((line) => WORD_LINE.exec(line)).filter((match) => match !== null);
  if (lines.length > 0 && timed.length === 0) {
    throw new TranscriptionError('unparsable_output', `pocketsphinx printed no timed words (was -time yes dropped?): ${lines[0].slice(0, 200)}`);
  }
  for (const match of timed) {
    const text = match[1].replace(ALTERNATE_PRONUNCIATION, '');
    if (isFiller(text)) continue;
    words.push({
      text,
      startMs: secondsToMs(match[2]),
      endMs: secondsToMs(match[3]),
      confidence: toUnitInterval(Number(match[4])),
    });
  }
  return words.sort((a, b) => a.startMs - b.startMs);
}

/** <s>, </s>, <sil>, [NOISE], [SPEECH], ++GARBAGE++ and friends are markers, not words. */
function isFiller(text: string): boolean {
  return /^(<.*>|\[.*\]|\+\+.*\+\+)$/.test(text);
}

function secondsToMs(seconds: string): number {
  return Math.round(Number(seconds) * 1000);
}

function toUnitInterval(probability: number): number {
  if (!Number.isFinite(probability)) return 0;
  return Math.min(1, Math.max(0, probability));
}
