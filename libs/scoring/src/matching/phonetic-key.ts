const VOWELS = 'AEIOU';

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.includes(ch);
}

/**
 * Metaphone key (Lawrence Philips, 1990) of a normalised Latin word, so words that sound alike
 * ("four"/"for", "Smith"/"Smyth") share a key. A leading vowel is kept as "A".
 */
export function phoneticKey(word: string, maxLength = 8): string {
  let w = word.toUpperCase().replace(/[^A-Z]/g, '');
  if (!w) return '';
  const two = w.slice(0, 2);
  if (two === 'AE' || two === 'GN' || two === 'KN' || two === 'PN' || two === 'WR') w = w.slice(1);
  else if (w[0] === 'X') w = `S${w.slice(1)}`;
  else if (two === 'WH') w = `W${w.slice(2)}`;

  let key = '';
  for (let i = 0; i < w.length && key.length < maxLength; i++) {
    const c = w[i];
    const prev = w[i - 1];
    const next = w[i + 1];
    const next2 = w[i + 2];
    if (c === prev && c !== 'C') continue;
    switch (c) {
      case 'A':
      case 'E':
      case 'I':
      case 'O':
      case 'U':
        if (i === 0) key += 'A';
        break;
      case 'B':
        if (!(prev === 'M' && i === w.length - 1)) key += 'B';
        break;
      case 'C':
        if (next === 'I' && next2 === 'A') key += 'X';
        else if (next === 'H') key += prev === 'S' ? 'K' : 'X';
        else if (next === 'I' || next === 'E' || next === 'Y') {
          if (prev !== 'S') key += 'S';
        } else key += 'K';
        break;
      case 'D':
        key += next === 'G' && (next2 === 'E' || next2 === 'Y' || next2 === 'I') ? 'J' : 'T';
        break;
      case 'G':
        if (next === 'H' && !isVowel(next2)) break;
        if (next === 'N' && (i + 2 === w.length || w.slice(i + 1) === 'NED')) break;
        if ((next === 'I' || next === 'E' || next === 'Y') && prev !== 'G') key += 'J';
        else key += 'K';
        break;
      case 'H':
        if (isVowel(next) && !'CSPTG'.includes(prev ?? '')) key += 'H';
        break;
      case 'K':
        if (prev !== 'C') key += 'K';
        break;
      case 'P':
        key += next === 'H' ? 'F' : 'P';
        break;
      case 'Q':
        key += 'K';
        break;
      case 'S':
        if (next === 'H') key += 'X';
        else if (next === 'I' && (next2 === 'O' || next2 === 'A')) key += 'X';
        else key += 'S';
        break;
      case 'T':
        if (next === 'I' && (next2 === 'O' || next2 === 'A')) key += 'X';
        else if (next === 'H') key += '0';
        else if (!(next === 'C' && next2 === 'H')) key += 'T';
        break;
      case 'V':
        key += 'F';
        break;
      case 'W':
      case 'Y':
        if (isVowel(next)) key += c;
        break;
      case 'X':
        key += 'KS';
        break;
      case 'Z':
        key += 'S';
        break;
      default:
        key += c;
    }
  }
  return key;
}
