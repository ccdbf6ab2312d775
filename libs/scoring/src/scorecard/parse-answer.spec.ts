import { parseCriterionAnswer } from './parse-answer';

describe('parseCriterionAnswer', () => {
  it('keeps only the fields of an answer', () => {
    expect(parseCriterionAnswer({ kind: 'yes', note: 'extra' })).toEqual({ kind: 'yes' });
    expect(parseCriterionAnswer({ kind: 'na', value: 3 })).toEqual({ kind: 'na' });
    expect(parseCriterionAnswer({ kind: 'scale', value: 4, max: 5 })).toEqual({ kind: 'scale', value: 4 });
  });

  it('refuses what is not shaped like an answer', () => {
    for (const raw of [null, 'yes', 3, [], {}, { kind: 'maybe' }]) expect(parseCriterionAnswer(raw)).toBeNull();
  });

  it('leaves judging a scale value to the scorecard rules', () => {
    expect(parseCriterionAnswer({ kind: 'scale', value: 'high' })).toEqual({ kind: 'scale', value: 'high' });
  });
});
