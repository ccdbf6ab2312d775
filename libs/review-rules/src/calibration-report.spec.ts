import type { Answers, CriterionAnswer } from '@callgrade/scoring';
import { aCriterion, aReviewScorecard, aScorecard, aSection } from '../test/review-rules.builders';
import { CalibrationItem, calibrationReport } from './calibration-report';
import { ReviewRuleError, ReviewRuleErrorCode } from './review-rules.error';

const sut = calibrationReport;

const yes: CriterionAnswer = { kind: 'yes' };
const no: CriterionAnswer = { kind: 'no' };
const na: CriterionAnswer = { kind: 'na' };
const scale = (value: number): CriterionAnswer => ({ kind: 'scale', value });

/** One section: q1 yes/no, q2 scale 0..2, both weight 1, so a total is the mean of the two fractions. */
const card = aScorecard([aSection('only', [aCriterion('q1'), aCriterion('q2', { answerType: { kind: 'scale', max: 2 }, allowNa: true })])]);

const respond = (reviewerId: string, answers: Answers) => ({ reviewerId, answers });

describe('calibrationReport', () => {
  describe('with reviewers in perfect agreement', () => {
    const items: CalibrationItem[] = [
      { recordingId: 'rec-1', responses: [respond('rev-a', { q1: yes, q2: scale(2) }), respond('rev-b', { q1: yes, q2: scale(2) })] },
      { recordingId: 'rec-2', responses: [respond('rev-b', { q1: no, q2: scale(1) }), respond('rev-a', { q1: no, q2: scale(1) })] },
    ];

    it('reports agreement 1 on every criterion and alpha 1', () => {
      const result = sut(card, items);

      expect(result.criteria).toEqual([
        { criterionId: 'q1', title: 'Title of q1', agreement: 1, ratings: 4, referenceMatch: null },
        { criterionId: 'q2', title: 'Title of q2', agreement: 1, ratings: 4, referenceMatch: null },
      ]);
      expect(result.reliability).toEqual({ method: 'krippendorff_alpha', metric: 'interval', alpha: 1, pairableUnits: 4 });
      expect(result.totals.map((total) => total.spread?.range)).toEqual([0, 0]);
    });

    it('leaves alpha undefined (null) when every answer is the same, since there is no variation to agree on', () => {
      const same: CalibrationItem[] = ['rec-1', 'rec-2'].map((recordingId) => ({
        recordingId,
        responses: [respond('rev-a', { q1: yes, q2: scale(2) }), respond('rev-b', { q1: yes, q2: scale(2) })],
      }));

      const result = sut(card, same);

      expect(result.criteria.map((criterion) => criterion.agreement)).toEqual([1, 1]);
      expect(result.reliability.alpha).toBeNull();
      expect(result.reliability.pairableUnits).toBe(4);
    });
  });

  describe('with a case worked by hand', () => {
    // Three reviewers, two recordings; rev-c left q1 of rec-2 unanswered. Reference only for rec-1.
    const items: CalibrationItem[] = [
      {
        recordingId: 'rec-1',
        responses: [respond('rev-c', { q1: no, q2: scale(2) }), respond('rev-a', { q1: yes, q2: scale(2) }), respond('rev-b', { q1: yes, q2: scale(1) })],
        reference: { q1: yes, q2: scale(2) },
      },
      {
        recordingId: 'rec-2',
        responses: [respond('rev-a', { q1: no, q2: scale(0) }), respond('rev-b', { q1: no, q2: scale(0) }), respond('rev-c', { q2: scale(1) })],
        reference: null,
      },
    ];

    it('counts reviewers and recordings', () => {
      expect(sut(card, items)).toMatchObject({ reviewers: 3, recordings: 2 });
    });

    it('pools agreeing pairs over recordings and compares answers with the reference', () => {
      // q1: rec-1 yes,yes,no → 1 agreeing pair of 3; rec-2 no,no → 1 of 1; pooled 2 of 4 = 0.5.
      //     reference yes on rec-1: a ✓ b ✓ c ✗ → 2/3.
      // q2: rec-1 2,1,2 → 1 of 3; rec-2 0,0,1 → 1 of 3; pooled 2 of 6 = 1/3.
      //     reference 2 on rec-1: a ✓ b ✗ c ✓ → 2/3.
      const result = sut(card, items);

      expect(result.criteria).toEqual([
        { criterionId: 'q1', title: 'Title of q1', agreement: 0.5, ratings: 5, referenceMatch: 2 / 3 },
        { criterionId: 'q2', title: 'Title of q2', agreement: 1 / 3, ratings: 6, referenceMatch: 2 / 3 },
      ]);
    });

    it('scores each reviewer and summarises the spread per recording', () => {
      // rec-1: a = (1 + 2/2) / 2 = 100, b = (1 + 1/2) / 2 = 75, c = (0 + 2/2) / 2 = 50; reference 100.
      //        mean 75, sd = sqrt((25² + 0 + 25²) / 2) = 25.
      // rec-2: a = 0, b = 0, c = q2 alone = 1/2 = 50 (q1 pending leaves the denominator).
      //        mean 50/3, sd = sqrt(((50/3)² · 2 + (100/3)²) / 2) = sqrt(2500/3).
      const [rec1, rec2] = sut(card, items).totals;

      expect(rec1).toEqual({
        recordingId: 'rec-1',
        reference: 100,
        byReviewer: [
          { reviewerId: 'rev-a', percent: 100 },
          { reviewerId: 'rev-b', percent: 75 },
          { reviewerId: 'rev-c', percent: 50 },
        ],
        spread: { n: 3, min: 50, max: 100, range: 50, mean: 75, sd: 25 },
      });
      expect(rec2.reference).toBeNull();
      expect(rec2.byReviewer.map((entry) => entry.percent)).toEqual([0, 0, 50]);
      expect(rec2.spread).toEqual({ n: 3, min: 0, max: 50, range: 50, mean: expect.closeTo(50 / 3, 10), sd: expect.closeTo(Math.sqrt(2500 / 3), 10) });
    });

    it('measures each reviewer against the reference, only on recordings that have one', () => {
      // Only rec-1 has a reference (100): a |100-100| = 0, b |75-100| = 25, c |50-100| = 50.
      expect(sut(card, items).reviewerDeviations).toEqual([
        { reviewerId: 'rev-a', meanAbsoluteDeviation: 0, criteriaDiffering: 0, criteriaCompared: 2 },
        { reviewerId: 'rev-b', meanAbsoluteDeviation: 25, criteriaDiffering: 1, criteriaCompared: 2 },
        { reviewerId: 'rev-c', meanAbsoluteDeviation: 50, criteriaDiffering: 1, criteriaCompared: 2 },
      ]);
    });

    it('computes interval alpha over (recording, criterion) units of earned fractions', () => {
      // Units (values of a, b, c): (rec-1,q1) 1,1,0; (rec-1,q2) 1,0.5,1; (rec-2,q1) 0,0,–; (rec-2,q2) 0,0,0.5.
      // Coincidences o(c,k), each unit's pairs divided by (values in unit − 1):
      //   o(0,0) = 2/1 + 2/2 = 3, o(1,1) = 2/2 + 2/2 = 2, o(0,1) = o(1,0) = 2/2 = 1,
      //   o(0,.5) = o(.5,0) = 2/2 = 1, o(.5,1) = o(1,.5) = 2/2 = 1, o(.5,.5) = 0.
      // Marginals n0 = 5, n.5 = 2, n1 = 4, n = 11.
      // Do = (2·1·0.25 + 2·1·1 + 2·1·0.25) / 11 = 3/11.
      // De = (2·5·2·0.25 + 2·5·4·1 + 2·2·4·0.25) / (11·10) = 49/110.
      // alpha = 1 − Do/De = 1 − 30/49 = 19/49.
      const { reliability } = sut(card, items);

      expect(reliability.alpha).toBeCloseTo(19 / 49, 12);
      expect(reliability.pairableUnits).toBe(4);
    });
  });

  it('treats N/A as an answer for agreement but as missing for alpha', () => {
    const items: CalibrationItem[] = [
      { recordingId: 'rec-1', responses: [respond('rev-a', { q1: yes, q2: na }), respond('rev-b', { q1: yes, q2: na })] },
      { recordingId: 'rec-2', responses: [respond('rev-a', { q1: no, q2: na }), respond('rev-b', { q1: no, q2: scale(1) })] },
    ];

    const result = sut(card, items);

    expect(result.criteria[1]).toMatchObject({ agreement: 0.5, ratings: 4 });
    // Only the two q1 units have two values each (1,1 and 0,0): perfect agreement.
    expect(result.reliability).toMatchObject({ alpha: 1, pairableUnits: 2 });
  });

  it('leaves totals null when nothing is scored and deviations null without a reference', () => {
    const items: CalibrationItem[] = [{ recordingId: 'rec-1', responses: [respond('rev-a', { q2: na })] }];

    const result = sut(card, items);

    expect(result.totals).toEqual([{ recordingId: 'rec-1', reference: null, byReviewer: [{ reviewerId: 'rev-a', percent: null }], spread: null }]);
    expect(result.reviewerDeviations).toEqual([{ reviewerId: 'rev-a', meanAbsoluteDeviation: null, criteriaDiffering: 0, criteriaCompared: 0 }]);
    expect(result.criteria.map((criterion) => criterion.agreement)).toEqual([null, null]);
    expect(result.reliability).toMatchObject({ alpha: null, pairableUnits: 0 });
  });

  it('reports an empty session', () => {
    expect(sut(card, [])).toEqual({
      reviewers: 0,
      recordings: 0,
      criteria: [
        { criterionId: 'q1', title: 'Title of q1', agreement: null, ratings: 0, referenceMatch: null },
        { criterionId: 'q2', title: 'Title of q2', agreement: null, ratings: 0, referenceMatch: null },
      ],
      totals: [],
      reviewerDeviations: [],
      reliability: { method: 'krippendorff_alpha', metric: 'interval', alpha: null, pairableUnits: 0 },
    });
  });

  it('follows the scorecard order across sections', () => {
    const result = sut(aReviewScorecard(), []);

    expect(result.criteria.map((criterion) => criterion.criterionId)).toEqual(['greeting', 'empathy', 'thanks', 'resolution']);
  });

  it('rejects answers that do not fit the scorecard, naming where they are', () => {
    const items: CalibrationItem[] = [
      { recordingId: 'rec-1', responses: [respond('rev-a', { q1: yes }), respond('rev-b', { q1: na })], reference: { q2: scale(3) } },
    ];

    let error: unknown;
    try {
      sut(card, items);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ReviewRuleError);
    expect((error as ReviewRuleError).code).toBe(ReviewRuleErrorCode.InvalidAnswers);
    expect((error as ReviewRuleError).issues).toEqual([
      { path: 'items[0].responses[1].answers.q1', message: 'N/A is not allowed for this criterion' },
      { path: 'items[0].reference.q2.value', message: 'must be an integer from 0 to 2' },
    ]);
  });

  it('rejects a reviewer who answered the same recording twice', () => {
    const items: CalibrationItem[] = [{ recordingId: 'rec-1', responses: [respond('rev-a', { q1: yes }), respond('rev-a', { q1: no })] }];

    expect(() => sut(card, items)).toThrow(/rev-a answered more than once/);
  });
});
