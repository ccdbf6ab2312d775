import { TargetedRule, targetedRuleIssues } from '@callgrade/sampling';
import { parseTargetedRules } from './targeted-rules.input';

describe('parseTargetedRules', () => {
  it('accepts every kind of rule and keeps only their known fields, in a fixed order', () => {
    const sut = parseTargetedRules([
      { kind: 'auto_score_below', threshold: 40, id: 'low-auto-score', maxPerAgent: 2 },
      { id: 'critical', kind: 'critical_auto_failure' },
      { id: 'complaint', kind: 'linked_complaint' },
      { id: 'unhappy', kind: 'low_csat', threshold: 2 },
      { id: 'long', kind: 'long_call', percentileOfAgent: 95, maxPerAgent: 1 },
      { id: 'very-long', kind: 'long_call', minDurationSec: 1800 },
    ]);
    expect(sut).toEqual({
      ok: true,
      rules: [
        { id: 'low-auto-score', kind: 'auto_score_below', threshold: 40, maxPerAgent: 2 },
        { id: 'critical', kind: 'critical_auto_failure' },
        { id: 'complaint', kind: 'linked_complaint' },
        { id: 'unhappy', kind: 'low_csat', threshold: 2 },
        { id: 'long', kind: 'long_call', percentileOfAgent: 95, maxPerAgent: 1 },
        { id: 'very-long', kind: 'long_call', minDurationSec: 1800 },
      ],
    });
    expect(Object.keys((sut as { rules: object[] }).rules[0])).toEqual(['id', 'kind', 'threshold', 'maxPerAgent']);
  });

  it('names the field of each problem with the index of its rule', () => {
    const sut = parseTargetedRules([
      { id: 'ok', kind: 'critical_auto_failure' },
      { id: 'low', kind: 'auto_score_below', threshold: 140 },
      { id: '', kind: 'low_csat', threshold: 'two' },
      { id: 'x', kind: 'nonsense' },
      { id: 'long', kind: 'long_call', minDurationSec: 60, percentileOfAgent: 90 },
      { id: 'cap', kind: 'linked_complaint', maxPerAgent: -1, colour: 'red' },
      'not a rule',
    ]);
    expect(sut).toEqual({
      ok: false,
      errors: {
        'targetedRules[1].threshold': 'must be between 0 and 100',
        'targetedRules[2].id': 'must be a non-empty string',
        'targetedRules[2].threshold': 'must be a number',
        'targetedRules[3].kind': expect.stringContaining('must be one of: auto_score_below'),
        'targetedRules[4]': 'a long_call rule needs exactly one of minDurationSec or percentileOfAgent',
        'targetedRules[5].maxPerAgent': 'must be a whole number, 0 or more',
        'targetedRules[5].colour': 'is not a field of a linked_complaint rule',
        'targetedRules[6]': 'must be an object with id and kind',
      },
    });
  });

  it('refuses a percentile outside (0, 100) and a duplicate id, naming the later rule', () => {
    expect(parseTargetedRules([{ id: 'long', kind: 'long_call', percentileOfAgent: 100 }])).toEqual({
      ok: false,
      errors: { 'targetedRules[0].percentileOfAgent': 'must be a number between 0 and 100 (exclusive)' },
    });
    expect(
      parseTargetedRules([
        { id: 'a', kind: 'linked_complaint' },
        { id: 'a', kind: 'critical_auto_failure' },
      ]),
    ).toEqual({
      ok: false,
      errors: { 'targetedRules[1].id': expect.stringContaining('targetedRules[0]') },
    });
  });

  it('refuses something that is not a list, and more rules than the sampler can track', () => {
    expect(parseTargetedRules({})).toEqual({ ok: false, errors: { targetedRules: 'must be an array of rules' } });
    const many = Array.from({ length: 33 }, (_, i) => ({ id: `r${i}`, kind: 'linked_complaint' }));
    expect(parseTargetedRules(many)).toEqual({ ok: false, errors: { targetedRules: 'must have at most 32 rules' } });
  });
});

describe('targetedRuleIssues', () => {
  it('names the field at fault as data, not in the message text', () => {
    expect(targetedRuleIssues({ id: 'low', kind: 'low_csat', threshold: Number.POSITIVE_INFINITY })).toEqual([
      { field: 'threshold', problem: 'must be a finite number, got Infinity' },
    ]);
    expect(targetedRuleIssues({ id: 'long', kind: 'long_call' } as TargetedRule)).toEqual([
      { field: '', problem: 'needs exactly one of minDurationSec or percentileOfAgent' },
    ]);
  });
});
