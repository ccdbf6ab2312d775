import { DomainError, issuesByField } from './domain-error';

describe('DomainError', () => {
  it('keeps its code, message and issues, and gives the issues as {field: problem}', () => {
    const sut = new DomainError('sampling.invalid_rule', 'rule "low" is invalid', [{ field: 'threshold', problem: 'must be a number' }]);
    expect(sut).toMatchObject({ code: 'sampling.invalid_rule', message: 'rule "low" is invalid', name: 'DomainError' });
    expect(sut.fieldErrors).toEqual({ threshold: 'must be a number' });
  });

  it('has no field errors when no field is at fault', () => {
    expect(new DomainError('illegal_transition', 'cannot').fieldErrors).toBeUndefined();
  });
});

describe('issuesByField', () => {
  it('puts each field under the prefix, the rule itself at the prefix, and keeps the first problem of a field', () => {
    const issues = [
      { field: '', problem: 'needs exactly one of minDurationSec or percentileOfAgent' },
      { field: 'minDurationSec', problem: 'must be 0 or more' },
      { field: 'minDurationSec', problem: 'must be a number' },
    ];
    expect(issuesByField(issues, 'targetedRules[2]')).toEqual({
      'targetedRules[2]': 'needs exactly one of minDurationSec or percentileOfAgent',
      'targetedRules[2].minDurationSec': 'must be 0 or more',
    });
  });
});
