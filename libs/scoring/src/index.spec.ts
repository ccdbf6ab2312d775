import { AutoScorer, defaultScorecard, defaultScoringSettings, PhraseMatcher, redactTranscript, validateScorecard } from '@callgrade/scoring';

describe('@callgrade/scoring', () => {
  it('exposes scoring, matching and redaction through the lib root', () => {
    const segments = [{ speaker: 'agent' as const, startMs: 0, endMs: 2_000, text: 'hello this is Northwind', confidence: 0.9 }];
    const matcher = new PhraseMatcher();

    expect(validateScorecard(defaultScorecard())).toEqual([]);
    expect(matcher.findBest(matcher.compile('this is Northwind'), matcher.index(segments)).matched).toBe(true);
    expect(redactTranscript(segments).spans).toEqual([]);
    expect(new AutoScorer(defaultScorecard(), defaultScoringSettings())).toBeInstanceOf(AutoScorer);
  });
});
