import { customerReferenceProblem, looksLikeCardNumber, maskCustomerReference, textProblem } from './complaint-input';

describe('looksLikeCardNumber', () => {
  it.each(['4111111111111111', '4111 1111 1111 1111', 'card 5500-0000-0000-0004 please', '378282246310005'])('spots %s', (reference) => {
    expect(looksLikeCardNumber(reference)).toBe(true);
  });

  it.each(['CUST-000123', '4111111111111112', '13800138000', 'ticket 2026-11-27 #55', '41111111111111111111'])('leaves %s alone', (reference) => {
    expect(looksLikeCardNumber(reference)).toBe(false);
  });
});

describe('maskCustomerReference', () => {
  it('shows only the last four characters of a long reference', () => {
    expect(maskCustomerReference('CUST-000123')).toBe('•••••••0123');
  });

  it('shows two of a short one and none of a tiny one', () => {
    expect(maskCustomerReference('AB1234')).toBe('••••34');
    expect(maskCustomerReference('A12')).toBe('•••');
  });

  it('counts Chinese characters as one each', () => {
    expect(maskCustomerReference('客户编号一二三四五')).toBe('•••••二三四五');
  });
});

describe('textProblem', () => {
  it('keeps markup as text', () => {
    expect(textProblem('<script>alert(1)</script> rude agent\nline two\ttab', 100)).toBeNull();
  });

  it('refuses control characters and oversize text', () => {
    expect(textProblem('bell\u0007', 100)).toBe('must not contain control characters');
    expect(textProblem('x'.repeat(11), 10)).toBe('must be at most 10 characters (got 11)');
  });

  it('refuses a card number as a customer reference', () => {
    expect(customerReferenceProblem('4111 1111 1111 1111')).toMatch(/^looks like a payment card number/);
    expect(customerReferenceProblem('  ')).toBe('must not be empty');
    expect(customerReferenceProblem('CUST-1')).toBeNull();
  });
});
