import { editDistance, editSimilarity } from './edit-distance';

describe('editDistance', () => {
  it.each([
    ['calling', 'calling', 0],
    ['calling', 'caling', 1],
    ['form', 'from', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('counts %s → %s as %i edits', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  it('stops early with limit + 1 once the limit is exceeded', () => {
    expect(editDistance('northwind', 'southward', 2)).toBe(3);
  });
});

describe('editSimilarity', () => {
  it('scales the distance by the longer word', () => {
    expect(editSimilarity('anna', 'ana')).toBe(0.75);
  });

  it('returns 0 below the floor', () => {
    expect(editSimilarity('banana', 'river', 0.6)).toBe(0);
  });
});
