import { fleissKappa, tallyRatings } from './fleiss-kappa';

/** Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories; P = 0.378, Pe = 0.213, kappa = 0.210. */
const WIKIPEDIA_EXAMPLE = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

/**
 * Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin 76(5),
 * Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (depression, personality disorder, schizophrenia,
 * neurosis, other); published kappa = 0.430. Transcribed as in the R package quadagree (dat.fleiss1971).
 */
const FLEISS_1971_TABLE_1 = [
  [0, 0, 0, 6, 0],
  [0, 3, 0, 0, 3],
  [0, 1, 4, 0, 1],
  [0, 0, 0, 0, 6],
  [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0],
  [0, 0, 4, 0, 2],
  [2, 0, 3, 1, 0],
  [2, 0, 0, 4, 0],
  [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0],
  [1, 1, 0, 4, 0],
  [0, 3, 3, 0, 0],
  [1, 0, 0, 5, 0],
  [0, 2, 0, 3, 1],
  [0, 0, 5, 0, 1],
  [3, 0, 0, 1, 2],
  [5, 1, 0, 0, 0],
  [0, 2, 0, 4, 0],
  [1, 0, 2, 0, 3],
  [0, 0, 0, 0, 6],
  [0, 1, 0, 5, 0],
  [0, 2, 0, 1, 3],
  [2, 0, 0, 4, 0],
  [1, 0, 0, 4, 1],
  [0, 5, 0, 1, 0],
  [4, 0, 0, 0, 2],
  [0, 2, 0, 4, 0],
  [1, 0, 5, 0, 0],
  [0, 0, 0, 0, 6],
];

describe('fleissKappa', () => {
  it('reproduces the Wikipedia worked example', () => {
    const sut = fleissKappa(WIKIPEDIA_EXAMPLE);

    expect(sut.observedAgreement).toBeCloseTo(0.378, 3);
    expect(sut.expectedAgreement).toBeCloseTo(0.213, 3);
    expect(sut.kappa).toBeCloseTo(0.21, 3);
    expect(sut.categoryProportions).toEqual([0.143, 0.2, 0.279, 0.15, 0.229].map((p) => expect.closeTo(p, 3)));
  });

  it('reproduces the kappa of Fleiss (1971), table 1', () => {
    const sut = fleissKappa(FLEISS_1971_TABLE_1);

    expect(sut.kappa).toBeCloseTo(0.43, 3);
    expect(sut.subjects).toBe(30);
    expect(sut.ratersPerSubject).toBe(6);
  });

  it('gives 1 when raters always agree', () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]).kappa,
    ).toBe(1);
  });

  it('is undefined (null) when every rating falls in one category', () => {
    expect(
      fleissKappa([
        [4, 0],
        [4, 0],
      ]).kappa,
    ).toBeNull();
  });

  it('rejects subjects rated by different numbers of raters', () => {
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(/expected 3/);
  });
});

describe('tallyRatings', () => {
  it('counts ratings per unit into the table fleissKappa takes', () => {
    const sut = tallyRatings([
      ['pass', 'fail', 'pass'],
      ['fail', 'fail', null, 'fail'],
    ]);

    expect(sut).toEqual({
      categories: ['pass', 'fail'],
      counts: [
        [2, 1],
        [0, 3],
      ],
    });
  });

  it('uses the given categories as columns and rejects others', () => {
    expect(tallyRatings([['b', 'a']], ['a', 'b', 'c']).counts).toEqual([[1, 1, 0]]);
    expect(() => tallyRatings([['d']], ['a'])).toThrow(RangeError);
  });
});
