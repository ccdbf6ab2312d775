import {
  AutoScorer,
  Criterion,
  defaultScorecard,
  defaultScoringSettings,
  evaluateScore,
  findCardNumbers,
  passesLuhn,
  PhraseMatcher,
  redactTranscript,
  roundPercent,
  Scorecard,
  TranscriptSegment,
  validateScorecard,
} from '@callgrade/scoring';

// What the other libs and the apps rely on, used the way they use it: through the lib root only.

const yesNo = (id: string, weight: number, extra: Partial<Criterion> = {}): Criterion => ({
  id,
  title: id,
  weight,
  mode: 'manual',
  answerType: { kind: 'yes_no' },
  allowNa: true,
  critical: false,
  ...extra,
});
const outOfFive = (id: string, weight: number): Criterion => ({ ...yesNo(id, weight), answerType: { kind: 'scale', max: 5 } });

/** Opening (weight 60): a yes/no worth 1 and a 0-5 scale worth 3. Compliance (weight 40): one critical yes/no. */
const card = (policy: Scorecard['criticalFailurePolicy']): Scorecard => ({
  id: 'small',
  version: 1,
  title: 'Small card',
  criticalFailurePolicy: policy,
  sections: [
    { id: 'opening', title: 'Opening', weight: 60, criteria: [yesNo('greets', 1), outOfFive('tone', 3)] },
    { id: 'compliance', title: 'Compliance', weight: 40, criteria: [yesNo('disclosure', 1, { critical: true })] },
  ],
});

const segment = (speaker: TranscriptSegment['speaker'], startMs: number, text: string): TranscriptSegment => ({
  speaker,
  startMs,
  endMs: startMs + 2_000,
  text,
  confidence: 0.9,
});

describe('@callgrade/scoring, through its root', () => {
  it('weighs criteria inside a section and sections by their weights', () => {
    // opening: (1·1 + 3·3/5) / (1 + 3) = 2.8 / 4 = 70 %; compliance: 1 / 1 = 100 %.
    // total: (60·70 + 40·100) / (60 + 40) = (4200 + 4000) / 100 = 82 %.
    const sut = evaluateScore(card('zero_total'), { greets: { kind: 'yes' }, tone: { kind: 'scale', value: 3 }, disclosure: { kind: 'yes' } });

    expect(sut.sections.map((s) => [s.sectionId, s.percent])).toEqual([
      ['opening', 70],
      ['compliance', 100],
    ]);
    expect(sut).toMatchObject({ percent: 82, rawPercent: 82, criticalFailures: [], complete: true });
  });

  it('leaves N/A and unanswered criteria out of the total, and says it is not complete', () => {
    // greets N/A and tone unanswered: opening has nothing scored and leaves the total; compliance 1 / 1 = 100 %
    // is then the whole total: (40·100) / 40 = 100 %.
    const sut = evaluateScore(card('zero_total'), { greets: { kind: 'na' }, disclosure: { kind: 'yes' } });

    expect(sut.sections.map((s) => s.percent)).toEqual([null, 100]);
    expect(sut).toMatchObject({ percent: 100, complete: false });
  });

  it('zeroes the total on a failed critical criterion, or only flags it, as the scorecard says', () => {
    // raw: opening 100 % (weight 60), compliance 0 % (weight 40): (6000 + 0) / 100 = 60 %.
    const answers = { greets: { kind: 'yes' }, tone: { kind: 'scale', value: 5 }, disclosure: { kind: 'no' } } as const;

    expect(evaluateScore(card('zero_total'), answers)).toMatchObject({ percent: 0, rawPercent: 60, criticalFailures: ['disclosure'] });
    expect(evaluateScore(card('flag_only'), answers)).toMatchObject({ percent: 60, rawPercent: 60, criticalFailures: ['disclosure'] });
  });

  it('rounds stored totals to two decimals', () => {
    // 100 − 25/7 = 96.428571…
    expect(roundPercent(100 - 25 / 7)).toBe(96.43);
    expect(roundPercent(null)).toBeNull();
  });

  it('refuses an answer that does not fit its criterion, naming it', () => {
    expect(() => evaluateScore(card('zero_total'), { tone: { kind: 'scale', value: 6 } })).toThrow(/tone/);
  });

  it('names every field of a broken scorecard, and the auto-scorer refuses one', () => {
    const broken: Scorecard = {
      ...card('zero_total'),
      sections: [{ id: 'opening', title: 'Opening', weight: 0, criteria: [yesNo('greets', 1), yesNo('greets', -1)] }],
    };

    expect(validateScorecard(broken).map((issue) => issue.path)).toEqual([
      'sections[0].weight',
      'sections[0].criteria[1].id',
      'sections[0].criteria[1].weight',
    ]);
    expect(validateScorecard(defaultScorecard())).toEqual([]);
    expect(() => new AutoScorer(broken, defaultScoringSettings())).toThrow(/sections\[0\]\.weight/);
  });

  it('finds a phrase said a little differently, with the words that matched and where', () => {
    const matcher = new PhraseMatcher();
    const transcript = matcher.index([segment('agent', 0, 'hello you are through to north wind bank'), segment('customer', 2_000, 'hi')]);

    const found = matcher.findBest(matcher.compile('Northwind Bank'), transcript);
    const missing = matcher.findBest(matcher.compile('Contoso Insurance'), transcript);

    // Without word timings the 8 words share the segment's 2,000 ms evenly, 250 ms each: "north" is the 6th
    // word, so the evidence runs from 5 × 250 = 1,250 ms to the end of the segment.
    expect(found).toMatchObject({ matched: true, evidence: [{ speaker: 'agent', startMs: 1_250, endMs: 2_000, text: 'north wind bank' }] });
    expect(missing.matched).toBe(false);
  });

  it('checks card numbers with Luhn, which tells a card from a likely one', () => {
    // Luhn of 4111 1111 1111 1111, from the right: the eight digits in even places are doubled (the leading 4
    // gives 8, seven 1s give 2 each: 8 + 14 = 22), the eight in odd places count once (8 × 1 = 8); 22 + 8 = 30,
    // a multiple of 10. Ending in 2 instead makes it 31: not a card number.
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    // a digit mis-heard breaks the check: the number is still a likely card, hidden all the same
    expect(findCardNumbers([segment('customer', 0, 'card 4111 1111 1111 1112 please')])).toMatchObject([{ lastFour: '1112', passesLuhn: false }]);
    expect(findCardNumbers([segment('customer', 0, 'card 4111 1111 1111 1111 please')])).toMatchObject([
      { speaker: 'customer', lastFour: '1111', digitCount: 16, passesLuhn: true },
    ]);

    const sut = redactTranscript([segment('customer', 0, 'my card is 4111 1111 1111 1111 thanks')]);

    expect(sut.segments[0].text).toBe('my card is [redacted card] thanks');
    expect(sut.spans.map((s) => s.kind)).toEqual(['card_number']);
  });
});
