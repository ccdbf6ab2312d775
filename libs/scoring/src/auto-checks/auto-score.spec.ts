import { aConversation, aFiveMinuteCall, someTalkFacts } from '../../test/transcript.builders';
import { aCriterion, aScorecard, aSection } from '../../test/scorecard.builders';
import { defaultScorecard } from '../scorecard/default-scorecard';
import { ScoringError, ScoringErrorCode } from '../scoring-error';
import { TranscriptSegment } from '../transcript.types';
import { autoScore, AutoScorer } from './auto-score';
import { defaultScoringSettings, ScoringSettings } from './scoring-settings';

const settings: ScoringSettings = { ...defaultScoringSettings(), companyNames: [{ name: 'Northwind', spokenVariants: ['North Wind'] }] };
const facts = someTalkFacts({ durationMs: 320_000 });

function goodCall(remark = 'it is the same as before'): TranscriptSegment[] {
  return aConversation([
    ['unknown', 'this call may be recorded for quality and training purposes'],
    ['agent', 'Thank you for calling Northwind, my name is Anna. How can I help you today?'],
    ['customer', 'hi I would like to change my delivery address'],
    ['agent', 'of course, could you please confirm your postcode'],
    ['customer', 'it is the same as before'],
    ['agent', remark],
    ['agent', 'thank you, that is done. Is there anything else I can help you with?'],
    ['customer', 'no that is all'],
    ['agent', 'thank you for calling Northwind, have a nice day'],
  ]);
}

describe('autoScore', () => {
  it('passes every auto criterion of the default scorecard on a model call, leaving manual ones pending', () => {
    const sut = autoScore(goodCall(), facts, defaultScorecard(), settings, 'Anna Smith');

    expect(sut.criteria.filter((c) => c.result.result !== 'pass').map((c) => `${c.criterionId}: ${c.result.explanation}`)).toEqual([]);
    expect(sut.score).toMatchObject({ percent: 100, complete: false, criticalFailures: [] });
    expect(sut.score.sections.find((s) => s.sectionId === 'resolution')?.percent).toBeNull();
    expect(sut.language).toBe('en');
  });

  it('scores a call out of the box, with no company configured and no disclosure, instead of failing it', () => {
    const withoutDisclosure = goodCall().filter((s) => s.speaker !== 'unknown');
    const sut = autoScore(withoutDisclosure, facts, defaultScorecard(), defaultScoringSettings(), 'Anna Smith');

    const company = sut.criteria.find((c) => c.criterionId === 'greeting_company')!;
    expect(company.result).toMatchObject({ result: 'na', notConfigured: 'companyNames' });
    expect(sut.criteria.find((c) => c.criterionId === 'required_disclosure')?.result.result).toBe('fail');
    expect(sut.score.criticalFailures).toEqual([]);
    expect(sut.score.percent).toBeGreaterThan(80);
  });

  it('zeroes the total when the agent uses a forbidden phrase, a critical criterion', () => {
    const sut = autoScore(goodCall('honestly that is not my problem'), facts, defaultScorecard(), settings, 'Anna Smith');

    expect(sut.score).toMatchObject({ percent: 0, criticalFailures: ['no_forbidden_phrases'] });
    expect(sut.score.rawPercent).toBeGreaterThan(80);
  });

  it('answers N/A where allowed and leaves the criterion to a person where not', () => {
    const card = aScorecard([
      aSection('s', [
        aCriterion('name_optional', { mode: 'auto', check: { kind: 'greeting_agent_name' }, allowNa: true }),
        aCriterion('name_required', { mode: 'auto', check: { kind: 'greeting_agent_name' } }),
      ]),
    ]);

    const sut = autoScore(goodCall(), facts, card, settings);

    expect(sut.criteria.map((c) => [c.criterionId, c.answer, c.needsReview])).toEqual([
      ['name_optional', { kind: 'na' }, false],
      ['name_required', undefined, true],
    ]);
  });

  it('gives a scale criterion its maximum on a pass', () => {
    const card = aScorecard([
      aSection('s', [aCriterion('offer', { mode: 'auto', check: { kind: 'greeting_offer_help' }, answerType: { kind: 'scale', max: 5 } })]),
    ]);

    expect(autoScore(goodCall(), facts, card, settings).criteria[0].answer).toEqual({ kind: 'scale', value: 5 });
  });

  it('flags low-confidence results for review', () => {
    const call = aConversation([
      ['agent', 'hello'],
      ['customer', 'hi'],
      ['agent', 'thank you for your patience'],
    ]);
    const card = aScorecard([aSection('s', [aCriterion('thanks', { mode: 'auto', check: { kind: 'closing_thanks' } })])]);

    const [result] = autoScore(call, facts, card, settings).criteria;

    expect(result.result.result).toBe('fail');
    expect(result.needsReview).toBe(true);
  });

  it('scores a Mandarin call with the Mandarin scripts', () => {
    const zhSettings: ScoringSettings = { ...defaultScoringSettings(), companyNames: [{ name: '北风公司', spokenVariants: ['北风'] }] };
    const call: TranscriptSegment[] = [
      { speaker: 'agent', startMs: 0, endMs: 6_000, text: '您好，这里是北风公司，我是小王，请问有什么可以帮您？', confidence: 0.9 },
      { speaker: 'customer', startMs: 6_500, endMs: 9_000, text: '我想查一下订单', confidence: 0.9 },
      { speaker: 'agent', startMs: 9_500, endMs: 14_000, text: '好的，请稍等。还有什么需要帮助的吗？感谢您的来电，再见', confidence: 0.9 },
    ];

    const sut = autoScore(call, someTalkFacts({ durationMs: 14_000 }), defaultScorecard(), zhSettings, '王小明');

    expect(sut.language).toBe('zh');
    const passed = sut.criteria.filter((c) => c.result.result === 'pass').map((c) => c.criterionId);
    expect(passed).toEqual(expect.arrayContaining(['greeting_company', 'greeting_agent_name', 'greeting_offer_help', 'closing_offer_help', 'closing_thanks']));
  });

  it('gives the same result on repeated calls with the same settings', () => {
    const scorecard = defaultScorecard();
    const call = aFiveMinuteCall(7);

    expect(autoScore(call, facts, scorecard, settings, 'Anna')).toEqual(autoScore(call, facts, scorecard, settings, 'Anna'));
  });

  it('refuses an invalid scorecard with a coded error', () => {
    const card = aScorecard([aSection('s', [aCriterion('x', { weight: -1 })])]);

    expect(() => new AutoScorer(card, settings)).toThrow(
      expect.objectContaining({ code: ScoringErrorCode.InvalidScorecard, message: 'sections[0].criteria[0].weight: must be > 0' }) as ScoringError,
    );
  });
});
