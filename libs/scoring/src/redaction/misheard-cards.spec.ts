import { aConversation, aSegment } from '../../test/transcript.builders';
import { TranscriptSegment } from '../transcript.types';
import { redactTranscript } from './redaction';

/**
 * Card numbers as the recogniser wrote them when voices read them out, written by hand from the card
 * that was read (the truth) with the substitutions seen in real recognitions: "won"/"want" for one,
 * "to"/"too" for two, "tree" for three, "for" for four, "fight"/"fine" for five, "sick"/"sicks" for
 * six, "heaven" for seven, "ate" for eight, "nein"/"night" for nine, "oh" for zero, digits and words
 * mixed, fillers inside, and Mandarin numerals with 幺 and 两 and full-width digits.
 * Each reading is said between `before` and `after`; it is caught when exactly the reading is hidden.
 */
const MISHEARD_CARDS: { card: string; before: string; reading: string; after: string }[] = [
  { card: '4111111111111111', before: 'it is', reading: 'for want want want want want want want want want want want want want want want', after: 'thanks' },
  { card: '4111111111111111', before: 'sure', reading: 'four one one one one one one one one one one one one one one one', after: 'ok' },
  { card: '4111111111111111', before: 'yes', reading: 'four won won won won won won won won won won won won won won won', after: 'right' },
  { card: '4111111111111111', before: 'the card is', reading: 'for one one one, one one one one, one one one one, one one one one', after: 'thank you' },
  { card: '4111111111111111', before: 'ok', reading: 'four one one one uh one one one one and one one one one one one one one', after: 'yes' },
  { card: '4111111111111111', before: 'it is', reading: '4 one 1 one 1111 one one one one 1 1 1 1', after: 'please' },
  { card: '4111111111111111', before: 'right so', reading: 'for won one want, one one won one, want one one one, one won one one', after: 'yes' },
  { card: '4111111111111111', before: 'yes', reading: 'four one one one, uh, one one one one, and, one one one one, um, one one one one', after: 'ok' },
  { card: '5500000000000004', before: 'it is', reading: 'five five oh oh, oh oh oh oh, oh oh oh oh, oh oh oh four', after: 'thanks' },
  { card: '5500000000000004', before: 'ok', reading: 'fight fight oh oh oh oh oh oh oh oh oh oh oh oh oh for', after: 'yes' },
  { card: '5500000000000004', before: 'it is', reading: 'five five zero zero zero zero zero zero zero zero zero zero zero zero zero for', after: 'ok' },
  { card: '5500000000000004', before: 'so', reading: 'double five, double oh, oh oh oh oh, oh oh oh oh, triple oh four', after: 'right' },
  { card: '5500000000000004', before: 'it is', reading: 'fight five oh oh oh oh oh oh, uh, oh oh oh oh oh oh oh four', after: 'yes' },
  { card: '340000000000009', before: 'the amex is', reading: 'three for oh oh oh oh oh oh oh oh oh oh oh oh nein', after: 'ok' },
  { card: '340000000000009', before: 'it is', reading: 'tree four zero zero zero zero zero zero zero zero zero zero zero zero nine', after: 'yes' },
  { card: '340000000000009', before: 'so', reading: 'three four double oh, oh oh oh oh, oh oh oh oh, double oh night', after: 'thanks' },
  { card: '340000000000009', before: 'it is', reading: '3 for 0 0 0 0 0 0 0 0 0 0 0 0 nein', after: 'right' },
  { card: '6222020000000000', before: 'it is', reading: 'six to to to oh to oh oh oh oh oh oh oh oh oh oh', after: 'ok' },
  { card: '6222020000000000', before: 'yes', reading: 'sick two too two, zero two zero zero, zero zero zero zero, zero zero zero zero', after: 'thanks' },
  { card: '6222020000000000', before: 'it is', reading: 'six or two two two oh two oh oh oh oh oh oh oh oh oh oh', after: 'yes' },
  { card: '5555555555554444', before: 'ok', reading: 'fight fight fight fight, five five five five, fine five five five, for for for for', after: 'yes' },
  { card: '5555555555554444', before: 'it is', reading: '5555 fight five five five 5555 four for four for', after: 'ok' },
  { card: '4012888888881881', before: 'so', reading: 'for oh one two ate ate ate ate ate ate ate ate one ate ate one', after: 'yes' },
  { card: '4012888888881881', before: 'it is', reading: 'four zero one to, eight eight eight eight, eight ate eight eight, won eight eight won', after: 'ok' },
  { card: '4012888888881881', before: 'yes', reading: '4 0 1 2 ate 8 eight 8 8888 one eight eight one', after: 'thanks' },
  { card: '378282246310005', before: 'it is', reading: 'three seven eight two eight two two four six three one oh oh oh five', after: 'ok' },
  { card: '378282246310005', before: 'so', reading: 'tree heaven ate to, ate to to for sicks tree, won oh oh oh fight', after: 'right' },
  { card: '6011111111111117', before: 'it is', reading: 'six oh won won, won won won won, one one one one, one one one seven', after: 'yes' },
  { card: '6011111111111117', before: 'ok', reading: 'six or one one one one one one one one one one one one one seven', after: 'thanks' },
  { card: '4000056655665556', before: 'it is', reading: 'forty oh oh, oh five sixty six, fifty five sixty six, fifty five fifty six', after: 'ok' },
  { card: '4000056655665556', before: 'yes', reading: 'for oh oh oh oh fight sick sick fight fight sick sick fight fight fight sick', after: 'right' },
  { card: '4000056655665556', before: 'so', reading: 'four triple oh, oh five double six, double five double six, triple five six', after: 'yes' },
  { card: '4532015112830366', before: 'it is', reading: '4 five 3 two oh one five one one two ate three oh tree six six', after: 'ok' },
  { card: '4532015112830366', before: 'yes', reading: 'four five three to zero won five won one to eight three zero three sicks six', after: 'thanks' },
];

/** Mandarin readings, as a recogniser without word timings writes them (one unit per character). */
const MISHEARD_MANDARIN_CARDS: { card: string; before: string; reading: string; after: string }[] = [
  { card: '6222020000000000', before: '我的卡号是', reading: '六二二二零二零零零零零零零零零零', after: '' },
  { card: '6222020000000000', before: '卡号', reading: '六两两两零两零零零零零零零零零零', after: '好的' },
  { card: '4111111111111111', before: '是', reading: '四幺幺幺幺幺幺幺幺幺幺幺幺幺幺幺', after: '对' },
  { card: '5500000000000004', before: '卡号是', reading: '五五零零，零零零零，零零零零，零零零四', after: '' },
  { card: '4111111111111111', before: '卡号是', reading: '４１１１ １１１１ １１１１ １１１１', after: '' },
  { card: '6222020000000000', before: '卡号是', reading: '六二二二 嗯 零二零零 零零零零 零零零零', after: '' },
  { card: '6222020000000000', before: '是', reading: '6222 零二零零 0000 零零零零', after: '谢谢' },
  { card: '340000000000009', before: '卡号', reading: '三四零零零零零零零零零零零零九', after: '' },
  { card: '4111111111111111', before: '号码是', reading: '四一一一，呃，一一一一，一一一一，一一一一', after: '' },
];

/** Contact-centre speech with number-like words that must stay readable. */
const ORDINARY_SPEECH: string[] = [
  'I want to go to the store for two days',
  'one moment please while I look that up',
  'your order number is 4 5 8 2 9 1 7',
  'the order number is eight four two nine one seven five three',
  'I paid forty nine ninety nine on the twelfth of May',
  'it was two hundred and fifty pounds for two nights',
  'can you hold for one second',
  'I have been waiting for two weeks to get a refund',
  'it should arrive in three to five working days',
  'my date of birth is the fourth of July nineteen eighty five',
  'the reference is 20240512',
  'we are open from nine to five Monday to Friday',
  'I ordered two for one and then won a voucher',
  'my phone number is oh seven seven double oh nine one one two three four',
  'call us on 0 8 0 0 1 2 3 4 5 6 7',
  'the order numbers are 12345678 and 87654321',
  'it was 1 or 2 items I think',
  'I want one for me and one for my wife',
  'the total came to one hundred and twenty four dollars and sixty cents',
  'flight two four one leaves at ten to eight',
  'I will be there at four twenty five or maybe five to six',
  'tracking number 7 4 1 9 5 2 0 3',
  'we had to wait for ages, two hours at least',
  'thirty days from the first of June two thousand and twenty four',
  'that is for two adults and one child for three nights',
  'I ate at nine and was free by ten to ten',
  'please hold the line, too many calls, one moment',
  'my number is 0 7 7 0 0 9 0 0 1 2 3, or the landline 0 1 6 1 4 9 6 0 0 0 0',
  'order 123456 and 7890123 both arrived late',
  'two one two, four five six, seven eight nine, and then one two three',
  'it costs 19.99 a month for 12 months, so 239.88 in total',
  'the account ending 4 4 1 2 is the one I want to close',
  'oh no, I want to go for the two for one offer, the one on page four',
  'one two three four five six seven eight nine ten, ok I am counting while the page loads',
  'sort code two oh, oh oh, oh oh, and the account is in the letter',
  'the policy runs from the first of March two thousand twenty four to the twenty eighth of February',
  'extension four four one two, or ask for Anne on two one two',
  'plus four four seven seven double oh nine one one two three four',
  'you can call me on plus four nine one five one one two three four five six seven eight',
  'I was charged 129.99 twice, on the 3rd and the 4th, so 259.98',
  'to be honest I want to say it was too much for me to pay for two',
  '我想订两个房间，住三晚',
  '请拨打八六一三八一二三四五六七八联系我们',
  '我的会员号是一二三四五六七八九零',
  '我的手机是八六一三九零零零零一二三四',
  '订单号是一二三四五六七八',
  '二零二四年五月十二日付了三百五十元',
  '稍等一下，我帮您查一下',
  '您的工号是一零二三吗',
  '电话是一三八一二三四五六七八',
];

function withoutWordTimings(speaker: 'customer' | 'agent', text: string): TranscriptSegment {
  return { speaker, startMs: 0, endMs: 400 * [...text].length, text, confidence: 0.9 };
}

function hiddenExactly(segment: TranscriptSegment, before: string, after: string, separator: string): boolean {
  return segment.text === [before, '[redacted card]', after].filter(Boolean).join(separator);
}

describe('redaction of card numbers the recogniser mis-heard', () => {
  it('hides every mis-heard card reading, in English and Mandarin (recall 100 %)', () => {
    const missed: string[] = [];
    for (const { before, reading, after } of MISHEARD_CARDS) {
      const sut = redactTranscript([aSegment('customer', 0, `${before} ${reading} ${after}`)]);
      if (!hiddenExactly(sut.segments[0], before, after, ' ')) missed.push(sut.segments[0].text);
    }
    for (const { before, reading, after } of MISHEARD_MANDARIN_CARDS) {
      const sut = redactTranscript([withoutWordTimings('customer', `${before}${reading}${after}`)]);
      if (!hiddenExactly(sut.segments[0], before, after, '')) missed.push(sut.segments[0].text);
    }

    expect(MISHEARD_CARDS.length + MISHEARD_MANDARIN_CARDS.length).toBeGreaterThanOrEqual(30);
    expect(missed).toEqual([]);
  });

  it('corpus truth: each reading is a real test card number of 13–19 digits', () => {
    for (const { card } of [...MISHEARD_CARDS, ...MISHEARD_MANDARIN_CARDS]) expect(card).toMatch(/^\d{13,19}$/);
  });

  it('explains a card that fails the check digit as a likely card, and one that passes as a card', () => {
    const misheard = redactTranscript([aSegment('customer', 0, 'six or one one one one one one one one one one one one one seven')]);
    const clean = redactTranscript([aSegment('customer', 0, 'four one one one one one one one one one one one one one one one')]);

    expect(misheard.spans[0].reason?.en).toMatch(/^likely card number/);
    expect(misheard.spans[0].reason?.zh).toMatch(/^疑似银行卡号/);
    expect(clean.spans[0].reason?.en).toMatch(/^card number/);
  });

  it('gives the reason on each muted span of a card read across two segments', () => {
    const segments = [aSegment('customer', 0, 'four won won won won won won won'), aSegment('customer', 5_000, 'one one one one one one one one')];

    const sut = redactTranscript(segments, { paddingMs: 0 });

    expect(sut.spans.map((s) => s.reason?.en)).toEqual([expect.stringMatching(/^card number/), expect.stringMatching(/^card number/)]);
  });

  it('hides a number after "call" all the same when it passes the card check', () => {
    const sut = redactTranscript([aSegment('customer', 0, 'call me on 4111 1111 1111 1111')]);

    expect(sut.segments[0].text).toBe('call me on [redacted card]');
  });

  it('mutes whole milliseconds around the hidden words, even when word times are fractional', () => {
    const segment = aSegment('customer', 0, 'it is for want want want want want want want want want want want want want want want');
    segment.words = segment.words?.map((w) => ({ ...w, startMs: w.startMs + 0.3, endMs: w.endMs + 0.6 }));

    const sut = redactTranscript([segment], { paddingMs: 0 });

    expect(sut.spans).toEqual([expect.objectContaining({ startMs: 800, endMs: 7201, kind: 'card_number' })]);
  });

  it.each([
    ['and the security code please', 'seven to nine'],
    ['what is the CVV', 'for to one'],
    ['and the CVC', 'ate five sick'],
    ['and the security code on the back', 'ate fight sick'],
    ['and your card security code', 'too for won'],
    ['the three digits on the back of the card', 'nein oh for'],
  ])('hides a mis-heard security code after "%s"', (prompt, answer) => {
    const sut = redactTranscript(
      aConversation([
        ['agent', prompt],
        ['customer', answer],
      ]),
    );

    expect(sut.segments[1].text).toBe('[redacted security code]');
    expect(sut.spans[0].reason?.zh).toMatch(/^安全码/);
  });

  it.each([
    ['what is the CVV', 'I want to check something first'],
    ['and the security code please', 'for two days I have been trying to pay'],
    ['the three digits on the back of the card', 'hold on I ate at nine'],
  ])('leaves an answer to "%s" that is not a number alone: "%s"', (prompt, answer) => {
    const segments = aConversation([
      ['agent', prompt],
      ['customer', answer],
    ]);

    expect(redactTranscript(segments).segments).toEqual(segments);
  });

  it.each([
    ['请说一下卡背面的安全码', '幺二三'],
    ['验证码是多少', '七两九'],
  ])('hides a Mandarin security code after "%s"', (prompt, answer) => {
    const sut = redactTranscript([withoutWordTimings('agent', prompt), { ...withoutWordTimings('customer', answer), startMs: 20_000, endMs: 21_200 }]);

    expect(sut.segments[1].text).toBe('[redacted security code]');
  });

  it('leaves ordinary speech with number-like words alone (false redactions: 1 of the corpus)', () => {
    const falselyRedacted = ORDINARY_SPEECH.filter((text) => {
      const segment = /[\u4e00-\u9fff]/.test(text) ? withoutWordTimings('customer', text) : aSegment('customer', 0, text);
      return redactTranscript([segment]).spans.length > 0;
    });

    expect(ORDINARY_SPEECH.length).toBeGreaterThanOrEqual(30);
    // +49 151 1234 5678 has 13 digits, starts like a Visa and happens to pass Luhn: hidden as a card.
    expect(falselyRedacted).toEqual(['you can call me on plus four nine one five one one two three four five six seven eight']);
  });
});
