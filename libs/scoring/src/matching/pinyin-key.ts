import { pinyin } from 'pinyin-pro';
import { isCjkCode } from './script';

const readingsByChar = new Map<string, readonly string[]>();

/** Every toneless reading of one Han character, so a polyphone (行: xing, hang) matches any of them. */
export function charReadings(char: string): readonly string[] {
  let readings = readingsByChar.get(char);
  if (!readings) {
    readings = [...new Set(pinyin(char, { toneType: 'none', type: 'array', multiple: true }))];
    readingsByChar.set(char, readings);
  }
  return readings;
}

/** Toneless pinyin of each Han character of a phrase, read in context (银行 → yin hang). */
export function phraseReadings(text: string): string[] {
  const all = pinyin(text, { toneType: 'none', type: 'array' });
  const out: string[] = [];
  if (all.length !== text.length) {
    for (let i = 0; i < text.length; i++) if (isCjkCode(text.charCodeAt(i))) out.push(charReadings(text[i])[0]);
    return out;
  }
  for (let i = 0; i < text.length; i++) if (isCjkCode(text.charCodeAt(i))) out.push(all[i]);
  return out;
}

/**
 * Folds the distinctions many speakers (and recognisers) blur: retroflex vs dental initials
 * (zh/z, ch/c, sh/s), n/l, and front vs back nasal finals (in/ing, en/eng).
 */
export function foldPinyin(reading: string): string {
  return reading
    .replace(/^([zcs])h/, '$1')
    .replace(/^n(?=[aeiou])/, 'l')
    .replace(/ng$/, 'n');
}
