import { itemAgreement } from './item-agreement';

describe('itemAgreement', () => {
  it('reports pairwise and modal agreement for one item', () => {
    // 3 of 4 evaluators said "yes": 3 agreeing pairs out of 6.
    const sut = itemAgreement(['yes', 'yes', 'no', 'yes']);

    expect(sut).toEqual({ raters: 4, pairwiseAgreement: 0.5, modalAgreement: 0.75, modalRatings: ['yes'] });
  });

  it('skips raters who left the item blank', () => {
    expect(itemAgreement([5, null, 5, undefined]).raters).toBe(2);
    expect(itemAgreement([5, null, 5, undefined]).pairwiseAgreement).toBe(1);
  });

  it('lists every rating tied for most common', () => {
    expect(itemAgreement([1, 2, 2, 1, 3]).modalRatings).toEqual([1, 2]);
  });

  it('leaves agreement undefined (null) when too few raters answered', () => {
    expect(itemAgreement([4])).toEqual({ raters: 1, pairwiseAgreement: null, modalAgreement: 1, modalRatings: [4] });
    expect(itemAgreement([null])).toEqual({ raters: 0, pairwiseAgreement: null, modalAgreement: null, modalRatings: [] });
  });
});
