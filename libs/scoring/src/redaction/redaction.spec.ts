import { aConversation, aSegment } from '../../test/transcript.builders';
import { TranscriptSegment } from '../transcript.types';
import { redactTranscript } from './redaction';

describe('redactTranscript', () => {
  it('redacts a card number written in groups of digits', () => {
    const segments = [aSegment('customer', 0, 'my card is 4111 1111 1111 1111 thanks')];

    const sut = redactTranscript(segments, { paddingMs: 0 });

    expect(sut.segments[0].text).toBe('my card is [redacted card] thanks');
    expect(sut.segments[0].words?.map((w) => w.text)).toEqual(['my', 'card', 'is', '[redacted card]', 'thanks']);
    expect(sut.spans).toEqual([
      { startMs: 1200, endMs: 2800, kind: 'card_number', reason: expect.objectContaining({ en: expect.stringMatching(/^card number/) }) },
    ]);
  });

  it('redacts a card number written with dashes as one word', () => {
    const sut = redactTranscript([aSegment('customer', 0, 'it is 5555-5555-5555-4444.')]);

    expect(sut.segments[0].text).toBe('it is [redacted card]');
  });

  it('redacts a card number read out digit by digit, with "double" and "oh", across segments', () => {
    const segments = aConversation([
      ['customer', 'sure it is four one one one, double one one one,'],
      ['customer', 'one one one one, uh, one one one one.'],
      ['agent', 'thank you'],
    ]);

    const sut = redactTranscript(segments, { paddingMs: 0 });

    expect(sut.segments.map((s) => s.text)).toEqual(['sure it is [redacted card]', '[redacted card]', 'thank you']);
    expect(sut.spans.map((s) => s.kind)).toEqual(['card_number', 'card_number']);
  });

  it('reads "oh" as zero and tens as two digits', () => {
    // 4000 0566 5566 5556
    const sut = redactTranscript([aSegment('customer', 0, 'forty oh oh, oh five sixty six, fifty five sixty six, fifty five fifty six')]);

    expect(sut.segments[0].text).toBe('[redacted card]');
  });

  it('redacts a 16-digit number that fails the Luhn check as a likely card: a mis-heard digit breaks the check', () => {
    const segments = [
      aSegment('customer', 0, 'my reference is 4111 1111 1111 1112'),
      aSegment('customer', 10_000, 'four one one one one one one one one one one one one one one two'),
    ];

    const sut = redactTranscript(segments);

    expect(sut.segments.map((s) => s.text)).toEqual(['my reference is [redacted card]', '[redacted card]']);
    expect(sut.spans.map((s) => s.reason?.en)).toEqual([expect.stringMatching(/^likely card number/), expect.stringMatching(/^likely card number/)]);
  });

  it('redacts two numbers read out one after the other as two cards, leaving the pause between them audible', () => {
    // neither number passes Luhn; "2 9 1 2 … 5" (15 digits starting in the first) would
    const spell = (digits: string) => [...digits].map((d) => ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][+d]).join(' ');
    const segments = aConversation(
      [
        ['customer', spell('4929123456781234')],
        ['customer', spell('5312345678901234')],
      ],
      0,
      1_500,
    );

    const sut = redactTranscript(segments, { paddingMs: 0 });

    expect(sut.segments.map((s) => s.text)).toEqual(['[redacted card]', '[redacted card]']);
    expect(sut.spans.map((s) => [s.startMs, s.endMs])).toEqual([
      [segments[0].startMs, segments[0].endMs],
      [segments[1].startMs, segments[1].endMs],
    ]);
  });

  it('redacts a run of more than 19 digits said without a pause whole, rather than guess where a card ends', () => {
    const sut = redactTranscript([aSegment('customer', 0, 'it is 4111 1111 1111 1112 0927 123 thanks')]);

    expect(sut.segments[0].text).toBe('it is [redacted card] thanks');
  });

  it('redacts a card number followed by its expiry date', () => {
    const sut = redactTranscript([aSegment('customer', 0, '5555 5555 5555 4444 12 27')]);

    expect(sut.segments[0].text).toBe('[redacted card] 12 27');
  });

  it('does not redact short numbers such as amounts and dates', () => {
    const segments = [aSegment('customer', 0, 'I paid 49 pounds on the 12th of May, order 5512')];

    expect(redactTranscript(segments).spans).toEqual([]);
  });

  it('redacts a security code said shortly after a prompt for it', () => {
    const segments = aConversation([
      ['agent', 'and the three digits on the back of the card please'],
      ['customer', 'uh seven three nine'],
      ['agent', 'thank you, the order number is 123'],
    ]);

    const sut = redactTranscript(segments, { paddingMs: 0 });

    expect(sut.segments.map((s) => s.text)).toEqual([
      'and the three digits on the back of the card please',
      'uh [redacted security code]',
      'thank you, the order number is 123',
    ]);
    expect(sut.spans).toEqual([
      {
        startMs: segments[1].startMs + 400,
        endMs: segments[1].endMs,
        kind: 'security_code',
        reason: expect.objectContaining({ en: expect.stringMatching(/^security code/) }),
      },
    ]);
  });

  it('redacts a CVV given as written digits', () => {
    const segments = aConversation([
      ['agent', 'what is the CVV?'],
      ['customer', 'it is 4821'],
    ]);

    expect(redactTranscript(segments).segments[1].text).toBe('it is [redacted security code]');
  });

  it('leaves three-digit numbers alone when nobody asked for a security code', () => {
    const segments = aConversation([['customer', 'my flat is seven three nine']]);

    expect(redactTranscript(segments).spans).toEqual([]);
  });

  it('leaves a security code alone when it comes long after the prompt', () => {
    const segments = [aSegment('agent', 0, 'I will need the security code later'), aSegment('customer', 60_000, 'seven three nine')];

    expect(redactTranscript(segments).spans).toEqual([]);
  });

  it('redacts configured patterns with their own label', () => {
    const segments = [aSegment('customer', 0, 'write to anna.smith@example.com please')];

    const sut = redactTranscript(segments, { patterns: [{ kind: 'email', pattern: '[\\w.]+@[\\w.]+\\w', label: 'email address' }] });

    expect(sut.segments[0].text).toBe('write to [redacted email address] please');
    expect(sut.spans[0].kind).toBe('email');
  });

  it('redacts in segments that have no word timings, spreading times over the text', () => {
    const segment: TranscriptSegment = { speaker: 'customer', startMs: 0, endMs: 6_000, text: 'card 4111 1111 1111 1111 ok', confidence: 0.9 };

    const sut = redactTranscript([segment], { paddingMs: 0 });

    expect(sut.segments[0]).toEqual({ ...segment, text: 'card [redacted card] ok' });
    expect(sut.spans).toEqual([expect.objectContaining({ startMs: 1_000, endMs: 5_000, kind: 'card_number' })]);
  });

  it('redacts a card number read out in Mandarin numerals', () => {
    const segment: TranscriptSegment = { speaker: 'customer', startMs: 0, endMs: 8_000, text: '卡号是四一一一一一一一一一一一一一一一', confidence: 0.9 };

    expect(redactTranscript([segment]).segments[0].text).toBe('卡号是[redacted card]');
  });

  it('pads and merges the spans to mute', () => {
    const segments = [aSegment('customer', 0, '4111 1111'), aSegment('customer', 1_000, '1111 1111')];

    const sut = redactTranscript(segments, { paddingMs: 200 });

    expect(sut.spans).toEqual([expect.objectContaining({ startMs: 0, endMs: 2_000, kind: 'card_number' })]);
  });
});
