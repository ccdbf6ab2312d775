const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_OF: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

function belowHundred(n: number, out: string[]): void {
  if (n < 10) out.push(ONES[n]);
  else if (n < 20) out.push(TEENS[n - 10]);
  else {
    out.push(TENS[Math.floor(n / 10)]);
    if (n % 10) out.push(ONES[n % 10]);
  }
}

function belowTenThousand(n: number, out: string[]): void {
  if (n >= 1000) {
    out.push(ONES[Math.floor(n / 1000)], 'thousand');
    n %= 1000;
    if (n === 0) return;
  }
  if (n >= 100) {
    out.push(ONES[Math.floor(n / 100)], 'hundred');
    n %= 100;
    if (n === 0) return;
  }
  belowHundred(n, out);
}

/**
 * Spells a digit string the way it is usually said: small numbers as cardinals ("24" → twenty four),
 * long numbers and numbers with a leading zero digit by digit ("0800" → zero eight zero zero),
 * as recognisers write them either way.
 */
export function digitsToWords(digits: string): string[] {
  const out: string[] = [];
  if (digits.length > 4 || (digits.length > 1 && digits[0] === '0')) {
    for (let i = 0; i < digits.length; i++) out.push(ONES[digits.charCodeAt(i) - 48]);
    return out;
  }
  const n = Number(digits);
  if (n === 0) out.push('zero');
  else belowTenThousand(n, out);
  return out;
}

/** "21st" → twenty first. */
export function ordinalToWords(digits: string): string[] {
  const words = digitsToWords(digits);
  const last = words[words.length - 1];
  const ordinal = ORDINAL_OF[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  words[words.length - 1] = ordinal;
  return words;
}
