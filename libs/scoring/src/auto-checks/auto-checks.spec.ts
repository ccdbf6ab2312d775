import { aConversation, aSegment, someTalkFacts } from '../../test/transcript.builders';
import { defaultScorecard } from '../scorecard/default-scorecard';
import { Speaker, TranscriptSegment } from '../transcript.types';
import { AutoCheck } from './auto-check.types';
import { AutoScorer } from './auto-score';
import { defaultScoringSettings, ScoringSettings } from './scoring-settings';

const northwind = (): ScoringSettings => ({
  ...defaultScoringSettings(),
  companyNames: [{ name: 'Northwind', spokenVariants: ['North Wind Traders'] }],
});

function check(
  check: AutoCheck,
  segments: TranscriptSegment[],
  options: { settings?: ScoringSettings; agentName?: string; facts?: Parameters<typeof someTalkFacts>[0] } = {},
) {
  const sut = new AutoScorer(defaultScorecard(), options.settings ?? northwind());
  return sut.runCheck(check, segments, someTalkFacts(options.facts), 'agentName' in options ? options.agentName : 'Anna Smith');
}

const agentAt = (startMs: number, text: string) => aSegment('agent', startMs, text);

describe('auto checks', () => {
  describe('greeting_company', () => {
    it('passes when the company is named in the first seconds of the agent’s speech', () => {
      const result = check({ kind: 'greeting_company' }, aConversation([['agent', 'Hello, this is North Wind, Anna speaking']]));

      expect(result).toMatchObject({ result: 'pass', evidence: [{ speaker: 'agent', startMs: 1200, text: 'North Wind,' }] });
      expect(result.explanation).toContain('Company name heard');
    });

    it('fails when the company is only named later in the call', () => {
      const result = check({ kind: 'greeting_company' }, [agentAt(0, 'hello how are you'), agentAt(40_000, 'we at Northwind value you')]);

      expect(result.result).toBe('fail');
    });

    it('says "not configured" in English and Chinese, never fail, when no company name is set', () => {
      const result = check({ kind: 'greeting_company' }, aConversation([['agent', 'hello']]), { settings: defaultScoringSettings() });

      expect(result).toMatchObject({ result: 'na', notConfigured: 'companyNames' });
      expect(result.explanation).toMatch(/^Not configured: .*companyNames.*未配置：/);
    });
    it('accepts the short form agents use for a company ("Brightwell" for Brightwell Energy)', () => {
      const settings = { ...defaultScoringSettings(), companyNames: [{ name: 'Brightwell Energy', spokenVariants: [] }] };

      expect(check({ kind: 'greeting_company' }, aConversation([['agent', 'Hi, Brightwell here, Anna speaking']]), { settings }).result).toBe('pass');
      expect(check({ kind: 'greeting_company' }, aConversation([['agent', 'Hi, energy here, Anna speaking']]), { settings }).result).toBe('fail');
    });

    it('matches a company name heard as look-alike words by sound, and says what was heard and why', () => {
      const settings = { ...defaultScoringSettings(), companyNames: [{ name: 'Seabrook Insurance', spokenVariants: [] }] };
      const cmu: Record<string, string[]> = { seabrook: ['S IY1 B R UH2 K'], see: ['S IY1'], brook: ['B R UH1 K'] };
      const sut = new AutoScorer(defaultScorecard(), settings, { pronounce: (w) => cmu[w] ?? [] });

      const result = sut.runCheck({ kind: 'greeting_company' }, aConversation([['agent', 'hello see brook Anna speaking']]), someTalkFacts(), 'Anna Smith');

      expect(result.result).toBe('pass');
      expect(result.explanation).toMatch(/"see brook" sounds like "seabrook" 0\.\d\d/);
    });
  });

  describe('greeting_agent_name', () => {
    it('passes when the agent gives their first name', () => {
      expect(check({ kind: 'greeting_agent_name' }, aConversation([['agent', 'Northwind, my name is Anna']])).result).toBe('pass');
    });

    it('fails when the agent gives no name', () => {
      expect(check({ kind: 'greeting_agent_name' }, aConversation([['agent', 'Northwind, how can I help']])).result).toBe('fail');
    });

    it('is not applicable when the agent’s name is unknown', () => {
      expect(check({ kind: 'greeting_agent_name' }, aConversation([['agent', 'hello']]), { agentName: undefined }).result).toBe('na');
    });
  });

  describe('greeting_offer_help and greeting_script', () => {
    const greeting = aConversation([['agent', 'Thank you for calling Northwind, my name is Anna. How may I help you?']]);

    it('passes when help is offered', () => {
      expect(check({ kind: 'greeting_offer_help' }, greeting).result).toBe('pass');
    });

    it('passes when the whole script is said, with company and agent filled in', () => {
      const result = check({ kind: 'greeting_script' }, greeting);

      expect(result.result).toBe('pass');
      expect(result.explanation).toContain('Greeting script heard');
    });

    it('fails the script when only part of it is said', () => {
      expect(check({ kind: 'greeting_script' }, aConversation([['agent', 'yeah hi']])).result).toBe('fail');
    });
  });

  describe('polite_forms', () => {
    it('passes with two different polite phrases', () => {
      const segments = aConversation([
        ['agent', 'could you please hold'],
        ['customer', 'sure'],
        ['agent', 'thank you for waiting'],
      ]);

      expect(check({ kind: 'polite_forms' }, segments).result).toBe('pass');
    });

    it('fails with fewer than required', () => {
      const result = check({ kind: 'polite_forms', minPhrases: 2 }, aConversation([['agent', 'ok thank you']]));

      expect(result.result).toBe('fail');
      expect(result.explanation).toContain('1 of the 2');
    });
  });

  describe('no_forbidden_phrases', () => {
    it('fails with evidence when the agent says a forbidden phrase', () => {
      const segments = aConversation([
        ['customer', 'this is ridiculous'],
        ['agent', 'sir you need to calm down'],
      ]);

      const result = check({ kind: 'no_forbidden_phrases' }, segments);

      expect(result).toMatchObject({ result: 'fail', evidence: [{ speaker: 'agent', text: 'calm down' }] });
      expect(result.explanation).toContain('"calm down"');
    });

    it('passes when only the customer says it', () => {
      const segments = aConversation([
        ['customer', 'calm down I am not your problem'],
        ['agent', 'I understand, let me help'],
      ]);

      expect(check({ kind: 'no_forbidden_phrases' }, segments).result).toBe('pass');
    });
  });

  describe('no_interrupting', () => {
    const interrupted = (times: number) => {
      const segments: TranscriptSegment[] = [];
      for (let i = 0; i < times; i++) {
        const at = i * 20_000;
        segments.push(
          aSegment('customer', at, 'so what happened was the parcel never arrived and then'),
          aSegment('agent', at + 1_500, 'yes yes I know but the courier says'),
        );
      }
      return segments;
    };

    it('fails when the agent talks over the customer more often than allowed', () => {
      const result = check({ kind: 'no_interrupting', maxInterruptions: 2 }, interrupted(3));

      expect(result.result).toBe('fail');
      expect(result.evidence).toHaveLength(3);
    });

    it('passes within the allowance, ignoring short backchannel', () => {
      const segments = [...interrupted(1), aSegment('customer', 60_000, 'and then I called again the next day'), aSegment('agent', 61_000, 'mm hm')];

      expect(check({ kind: 'no_interrupting', maxInterruptions: 1 }, segments).result).toBe('pass');
    });

    it('is not applicable without customer speech', () => {
      expect(check({ kind: 'no_interrupting' }, aConversation([['agent', 'hello?']])).result).toBe('na');
    });
  });

  describe('no_long_silence', () => {
    it('fails when the longest silence is too long, with the silence as evidence', () => {
      const result = check({ kind: 'no_long_silence' }, aConversation([['agent', 'hello']]), {
        facts: { longestSilenceMs: 45_000, longestSilenceStartMs: 60_000 },
      });

      expect(result).toMatchObject({ result: 'fail', evidence: [{ startMs: 60_000, endMs: 105_000, text: '[silence 45.0 s]' }] });
    });

    it('passes with short silences', () => {
      expect(check({ kind: 'no_long_silence' }, aConversation([['agent', 'hello']])).result).toBe('pass');
    });
  });

  describe('closing checks', () => {
    const call = (closing: string): TranscriptSegment[] => [
      agentAt(0, 'Northwind, Anna speaking'),
      aSegment('customer', 5_000, 'hi'),
      agentAt(200_000, closing),
    ];

    it('pass when the agent offers more help and thanks the customer at the end', () => {
      const segments = call('is there anything else I can help you with? thank you for calling Northwind, have a nice day');

      expect(check({ kind: 'closing_offer_help' }, segments).result).toBe('pass');
      expect(check({ kind: 'closing_thanks' }, segments).result).toBe('pass');
    });

    it('do not take the opening "Thank you for calling" of a short call as the thanks at the close', () => {
      const short = aConversation([
        ['agent', 'Thank you for calling Northwind, my name is Anna, how can I help you'],
        ['customer', 'what time do you open'],
        ['agent', 'we open at nine'],
        ['customer', 'okay bye'],
      ]);

      expect(check({ kind: 'closing_thanks' }, short).result).toBe('fail');
      expect(check({ kind: 'greeting_company' }, short).result).toBe('pass');
    });

    it('do not take the closing "Thank you for calling Northwind" of a short call as the company greeting', () => {
      const short = aConversation([
        ['agent', 'hello, how can I help you'],
        ['customer', 'what time do you open'],
        ['agent', 'nine. thank you for calling Northwind'],
      ]);

      expect(check({ kind: 'greeting_company' }, short).result).toBe('fail');
      expect(check({ kind: 'closing_thanks' }, short).result).toBe('pass');
    });

    it('look for the close only in the second half of a call in which the agent speaks once', () => {
      const oneTurn = [aSegment('agent', 0, 'thank you for calling northwind the office is closed today please call again tomorrow')];

      expect(check({ kind: 'greeting_company' }, oneTurn).result).toBe('pass');
      expect(check({ kind: 'closing_thanks' }, oneTurn).result).toBe('fail');
    });

    it('fail when the closing phrases come only at the start of the call', () => {
      const segments: TranscriptSegment[] = [agentAt(0, 'thank you for calling, anything else I can help you with'), agentAt(200_000, 'right bye')];

      expect(check({ kind: 'closing_offer_help' }, segments).result).toBe('fail');
      expect(check({ kind: 'closing_thanks' }, segments).result).toBe('fail');
    });
  });

  describe('required_disclosure', () => {
    it('passes when the recording notice is played before the agent answers', () => {
      const segments = [aSegment('unknown', 0, 'this call may be recorded for training purposes'), agentAt(6_000, 'hello Northwind')];

      expect(check({ kind: 'required_disclosure' }, segments).result).toBe('pass');
    });

    it('fails when the notice comes too late', () => {
      const segments = [agentAt(0, 'hello Northwind'), agentAt(120_000, 'oh and this call may be recorded')];

      const result = check({ kind: 'required_disclosure' }, segments);

      expect(result.result).toBe('fail');
      expect(result.explanation).toContain('call_recording (within 60 s)');
    });

    it('is not applicable when no disclosure is required', () => {
      const settings = { ...northwind(), requiredDisclosures: [] };

      expect(check({ kind: 'required_disclosure' }, [agentAt(0, 'hello')], { settings }).result).toBe('na');
    });
  });

  describe('no_card_data_read_back', () => {
    it('fails when the agent reads a card number back, without repeating it in the evidence', () => {
      const segments = aConversation([
        ['customer', '4111 1111 1111 1111'],
        ['agent', 'so that is four one one one, one one one one, one one one one, one one one one'],
      ]);

      const result = check({ kind: 'no_card_data_read_back' }, segments);

      expect(result).toMatchObject({ result: 'fail', evidence: [{ speaker: 'agent', text: '[card number ending 1111]' }] });
    });

    it('fails when the agent reads back a card the recogniser mis-heard, naming it a likely card', () => {
      // 4111 1111 1111 1111 read back, heard as "for", "won" and a "two" that breaks the check digit
      const segments = aConversation([['agent', 'so that is for one won one, one one one one, one one one one, one one one two']]);

      const result = check({ kind: 'no_card_data_read_back' }, segments);

      expect(result).toMatchObject({ result: 'fail', evidence: [{ speaker: 'agent', text: '[likely card number ending 1112]' }] });
    });

    it('fails when every digit of the card read back was heard as a look-alike word', () => {
      const segments = aConversation([['agent', 'so that is for want want want want want want want want want want want want want want want']]);

      expect(check({ kind: 'no_card_data_read_back' }, segments)).toMatchObject({ result: 'fail', evidence: [{ text: '[card number ending 1111]' }] });
    });

    it('passes when only the customer says the card number', () => {
      const segments = aConversation([
        ['customer', '4111 1111 1111 1111'],
        ['agent', 'thank you, that went through'],
      ]);

      expect(check({ kind: 'no_card_data_read_back' }, segments).result).toBe('pass');
    });

    it('fails on a transcript redacted before scoring where the agent said a card number', () => {
      expect(check({ kind: 'no_card_data_read_back' }, aConversation([['agent', 'that is [redacted card] right']])).result).toBe('fail');
    });
  });

  it('gives evidence times in whole milliseconds when a recogniser word is cut into several tokens', () => {
    const segment: TranscriptSegment = {
      speaker: 'agent',
      startMs: 0,
      endMs: 2500,
      text: 'thank you 24/7 goodbye',
      confidence: 0.9,
      words: [
        { text: 'thank', startMs: 0, endMs: 500, confidence: 0.9 },
        { text: 'you', startMs: 500, endMs: 1000, confidence: 0.9 },
        { text: '24/7', startMs: 1000, endMs: 2000, confidence: 0.9 },
        { text: 'goodbye', startMs: 2000, endMs: 2500, confidence: 0.9 },
      ],
    };
    const withoutWords: TranscriptSegment = { speaker: 'agent', startMs: 10_000, endMs: 11_000, text: 'please say thank you now', confidence: 0.9 };
    const result = check({ kind: 'polite_forms' }, [segment, withoutWords]);

    const times = result.evidence.flatMap((e) => [e.startMs, e.endMs]);
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(Number.isInteger(t)).toBe(true);
  });

  it('is not applicable when the agent says nothing', () => {
    expect(check({ kind: 'greeting_offer_help' }, aConversation([['customer', 'hello?']])).result).toBe('na');
  });

  it('searches a call that was not split by speaker as the agent’s', () => {
    const segments = aConversation([['unknown', 'hello this is Northwind my name is Anna']]);

    expect(check({ kind: 'greeting_company' }, segments).result).toBe('pass');
  });

  describe('on Mandarin calls', () => {
    const settings = (): ScoringSettings => ({ ...defaultScoringSettings(), companyNames: [{ name: '北京银行', spokenVariants: [] }] });
    const mandarin = (startMs: number, text: string, speaker: Speaker = 'agent'): TranscriptSegment => ({
      speaker,
      startMs,
      endMs: startMs + text.length * 250,
      text,
      confidence: 0.9,
    });

    it('passes the Mandarin greeting script despite a homophone', () => {
      const segments = [mandarin(0, '您好，这里是背景银行，我是小王，请问有什么可以帮您？')];

      const result = check({ kind: 'greeting_script' }, segments, { settings: settings(), agentName: '王小明' });

      expect(result.result).toBe('pass');
      expect(result.evidence[0].text).toContain('背景银行');
    });

    it('uses the Mandarin closing phrases', () => {
      const segments = [mandarin(0, '您好'), mandarin(100_000, '还有什么需要帮助的吗？感谢您的来电，再见')];

      expect(check({ kind: 'closing_offer_help' }, segments, { settings: settings() }).result).toBe('pass');
      expect(check({ kind: 'closing_thanks' }, segments, { settings: settings() }).result).toBe('pass');
    });
  });
});
