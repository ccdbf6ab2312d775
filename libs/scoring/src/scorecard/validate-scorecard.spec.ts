import { aCriterion, aScorecard, aSection } from '../../test/scorecard.builders';
import { describeIssue } from '../scoring-error';
import { defaultScorecard } from './default-scorecard';
import { Scorecard } from './scorecard';
import { validateAnswers, validateScorecard } from './validate-scorecard';

function problems(scorecard: Scorecard): string[] {
  return validateScorecard(scorecard).map(describeIssue);
}

describe('validateScorecard', () => {
  it('accepts the default scorecard', () => {
    expect(problems(defaultScorecard())).toEqual([]);
  });

  it('names the path of a weight that is not positive', () => {
    const sut = aScorecard([aSection('a', [aCriterion('a1')]), aSection('b', [aCriterion('b1', { weight: 0 })], -1)]);

    expect(problems(sut)).toEqual(['sections[1].weight: must be > 0', 'sections[1].criteria[0].weight: must be > 0']);
  });

  it('requires at least one section and one criterion per section', () => {
    expect(problems(aScorecard([]))).toEqual(['sections: must have at least one section']);
    expect(problems(aScorecard([aSection('a', [])]))).toEqual(['sections[0].criteria: must have at least one criterion']);
  });

  it('rejects duplicate section and criterion ids across the scorecard', () => {
    const sut = aScorecard([aSection('a', [aCriterion('x')]), aSection('a', [aCriterion('x')])]);

    expect(problems(sut)).toEqual(['sections[1].id: duplicate id "a"', 'sections[1].criteria[0].id: duplicate id "x"']);
  });

  it('rejects a scale without a positive whole maximum', () => {
    const sut = aScorecard([aSection('a', [aCriterion('a1', { answerType: { kind: 'scale', max: 2.5 } })])]);

    expect(problems(sut)).toEqual(['sections[0].criteria[0].answerType.max: must be an integer ≥ 1']);
  });

  it('requires a known check on auto criteria and none on manual ones', () => {
    const sut = aScorecard([
      aSection('a', [
        aCriterion('a1', { mode: 'auto' }),
        aCriterion('a2', { mode: 'auto', check: { kind: 'telepathy' } as never }),
        aCriterion('a3', { mode: 'manual', check: { kind: 'closing_thanks' } }),
      ]),
    ]);

    expect(problems(sut)).toEqual([
      'sections[0].criteria[0].check: is required for auto criteria',
      'sections[0].criteria[1].check.kind: unknown check "telepathy"',
      'sections[0].criteria[2].check: only auto criteria have a check',
    ]);
  });
});

describe('validateAnswers', () => {
  const scorecard = aScorecard([
    aSection('a', [aCriterion('strict'), aCriterion('lenient', { allowNa: true }), aCriterion('rated', { answerType: { kind: 'scale', max: 5 } })]),
  ]);

  it('accepts answers that fit their criteria, and missing answers', () => {
    expect(validateAnswers(scorecard, { strict: { kind: 'yes' }, lenient: { kind: 'na' } })).toEqual([]);
  });

  it('rejects N/A where the criterion does not allow it', () => {
    expect(validateAnswers(scorecard, { strict: { kind: 'na' } }).map(describeIssue)).toEqual(['answers.strict: N/A is not allowed for this criterion']);
  });

  it('rejects scale values out of range and answers of the wrong type', () => {
    const issues = validateAnswers(scorecard, { rated: { kind: 'scale', value: 6 }, strict: { kind: 'scale', value: 1 }, nope: { kind: 'yes' } });

    expect(issues.map(describeIssue)).toEqual([
      'answers.rated.value: must be an integer from 0 to 5',
      'answers.strict: expected yes or no',
      'answers.nope: no such criterion in this scorecard',
    ]);
  });
});
