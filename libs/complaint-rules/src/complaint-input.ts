import { passesLuhn } from '@callgrade/scoring';

export const MAX_DESCRIPTION_LENGTH = 10_000;
export const MAX_SHORT_TEXT_LENGTH = 2_000;
export const MAX_CUSTOMER_REFERENCE_LENGTH = 100;

// Tab, line feed and carriage return are ordinary in free text; every other control character is not.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * What is wrong with a piece of free text, or null. Markup such as `<script>` is not a problem: text is
 * stored as given and never rendered as HTML.
 */
export function textProblem(value: string, maxLength: number): string | null {
  if (value.length > maxLength) return `must be at most ${maxLength} characters (got ${value.length})`;
  if (CONTROL_CHARACTERS.test(value)) return 'must not contain control characters';
  return null;
}

/**
 * A reference that is, or contains, a payment card number: a run of 13-19 digits (spaces and dashes
 * between them allowed) passing Luhn.
 */
export function looksLikeCardNumber(reference: string): boolean {
  return (reference.match(/\d[\d -]{11,}\d/g) ?? []).some((run) => {
    const digits = run.replace(/[ -]/g, '');
    return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);
  });
}

/** What the customer's reference looks like in lists and exports: the last four characters only. */
export function maskCustomerReference(reference: string): string {
  const chars = [...reference];
  const shown = chars.length > 6 ? 4 : chars.length > 4 ? 2 : 0;
  return '•'.repeat(chars.length - shown) + chars.slice(chars.length - shown).join('');
}

/** The problem with a customer reference, or null. */
export function customerReferenceProblem(reference: string): string | null {
  if (reference.trim().length === 0) return 'must not be empty';
  const text = textProblem(reference, MAX_CUSTOMER_REFERENCE_LENGTH);
  if (text) return text;
  if (looksLikeCardNumber(reference)) return 'looks like a payment card number; give the customer account or ticket reference instead';
  return null;
}
