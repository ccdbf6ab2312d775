import { aConversation } from '../../test/transcript.builders';
import { findCardNumbers } from './card-numbers';
import { passesLuhn } from './luhn';

describe('passesLuhn', () => {
  it.each(['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117'])('accepts the test card %s', (digits) => {
    expect(passesLuhn(digits)).toBe(true);
  });

  it.each(['4111111111111112', '1234567812345678', '', '41a1'])('rejects %p', (digits) => {
    expect(passesLuhn(digits)).toBe(false);
  });
});

describe('findCardNumbers', () => {
  it('describes a card number by its last four digits only', () => {
    const segments = aConversation([['agent', 'so that is 4111 1111 1111 1111 correct?']]);

    expect(findCardNumbers(segments)).toEqual([{ speaker: 'agent', startMs: 1200, endMs: 2800, lastFour: '1111', digitCount: 16, passesLuhn: true }]);
  });

  it('finds a card followed by its expiry in one run of digits', () => {
    const segments = aConversation([['customer', '5555 5555 5555 4444 12 27']]);

    expect(findCardNumbers(segments).map((f) => f.lastFour)).toEqual(['4444']);
  });

  it('reads "for" as four only between other digits', () => {
    // 4111 4111 1111 1115
    const segments = aConversation([['customer', 'for the card it is four one one one for one one one one one one one one one one five']]);

    expect(findCardNumbers(segments)).toHaveLength(1);
  });

  it('reads a "for" heard in place of the first four as the digit when that completes a card', () => {
    const segments = aConversation([['agent', 'so that is for one one one one one one one one one one one one one one one']]);

    expect(findCardNumbers(segments)).toEqual([expect.objectContaining({ speaker: 'agent', lastFour: '1111', digitCount: 16 })]);
  });

  it('keeps "for" a word before a card that is complete without it', () => {
    const segments = aConversation([['customer', 'it is for four one one one one one one one one one one one one one one one']]);

    expect(findCardNumbers(segments)).toEqual([expect.objectContaining({ digitCount: 16, lastFour: '1111' })]);
  });

  it('reports a number that fails Luhn as a likely card, and a phone number after "call" not at all', () => {
    const segments = aConversation([
      ['agent', 'so that is four one one one one one one one one one one one one one one two'],
      ['agent', 'or call plus eight six one three eight one two three four five six seven eight'],
    ]);

    expect(findCardNumbers(segments)).toEqual([expect.objectContaining({ lastFour: '1112', digitCount: 16, passesLuhn: false })]);
  });

  it('looks only at the given speakers', () => {
    const segments = aConversation([['customer', '4111 1111 1111 1111']]);

    expect(findCardNumbers(segments, { speakers: ['agent'] })).toEqual([]);
  });

  it('does not join digits said far apart', () => {
    const segments = aConversation(
      [
        ['customer', '4111 1111'],
        ['agent', 'one moment'],
        ['customer', '1111 1111'],
      ],
      0,
      10_000,
    );

    expect(findCardNumbers(segments)).toEqual([]);
  });
});
