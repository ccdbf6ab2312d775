import { DIGIT_LOOK_ALIKES } from '../redaction/spoken-digits';
/** Words people drop into scripted sentences without changing them; inserting them costs almost nothing. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'uh', 'um', 'umm', 'uhm', 'er', 'erm', 'ah', 'eh', 'hm', 'hmm', 'mm', 'mhm', 'so', 'like', 'well',
  'okay', 'yeah', 'right', 'just', 'actually', 'basically', 'really', 'oh',
  '嗯', '啊', '呃', '额', '哦', '噢', '唔', '呀', '那个',
]);

/** Normalised words that can stand for digits when a number is read out. */
export const DIGIT_WORDS: ReadonlySet<string> = new Set([
  'zero', 'oh', 'o', 'nought', 'nil', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand',
  'double', 'triple', ...DIGIT_LOOK_ALIKES,
  '零', '〇', '一', '幺', '二', '两', '三', '四', '五', '六', '七', '八', '九',
]);
