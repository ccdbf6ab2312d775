import type { CriterionAnswer } from '@callgrade/scoring';
import { aReviewScorecard } from '../test/review-rules.builders';
import { prepareReviewerAnswers } from './reviewer-answers';

const sut = prepareReviewerAnswers;

const yes: CriterionAnswer = { kind: 'yes' };
const no: CriterionAnswer = { kind: 'no' };
const na: CriterionAnswer = { kind: 'na' };
const scale = (value: number): CriterionAnswer => ({ kind: 'scale', value });

// greeting (auto yes/no), empathy (manual scale 0..4) | thanks (auto yes/no, N/A allowed), resolution (manual yes/no, N/A allowed)
const scorecard = aReviewScorecard();
const autoResults = [
  { criterionId: 'greeting', answer: yes },
  { criterionId: 'thanks', answer: no },
];
const draft = { requireComplete: false };
const submit = { requireComplete: true };

describe('prepareReviewerAnswers', () => {
  it('keeps the automatic answers the reviewer did not touch and adds the manual ones', () => {
    const result = sut(scorecard, autoResults, { answers: { empathy: scale(3), resolution: yes } }, submit);

    expect(result).toEqual({
      answers: { greeting: yes, thanks: no, empathy: scale(3), resolution: yes },
      overrides: [],
      agreements: [],
      issues: [],
    });
  });

  it('records an agreement when the reviewer gives the automatic answer', () => {
    const result = sut(scorecard, autoResults, { answers: { greeting: yes, thanks: no } }, draft);

    expect(result.agreements).toEqual([
      { criterionId: 'greeting', autoAnswer: yes, humanAnswer: yes, agreed: true },
      { criterionId: 'thanks', autoAnswer: no, humanAnswer: no, agreed: true },
    ]);
    expect(result.overrides).toEqual([]);
    expect(result.issues).toEqual([]);
  });

  it('records an override with its trimmed reason when the reviewer disagrees', () => {
    const result = sut(scorecard, autoResults, { answers: { thanks: na }, overrideReasons: { thanks: '  call dropped before closing ' } }, draft);

    expect(result.answers.thanks).toEqual(na);
    expect(result.agreements).toEqual([{ criterionId: 'thanks', autoAnswer: no, humanAnswer: na, agreed: false }]);
    expect(result.overrides).toEqual([{ criterionId: 'thanks', autoAnswer: no, humanAnswer: na, reason: 'call dropped before closing' }]);
    expect(result.issues).toEqual([]);
  });

  it('compares scale answers by value', () => {
    const scaleCard = aReviewScorecard();
    scaleCard.sections[0].criteria[0].answerType = { kind: 'scale', max: 4 };
    const auto = [{ criterionId: 'greeting', answer: scale(4) }];

    expect(sut(scaleCard, auto, { answers: { greeting: scale(4) } }, draft).agreements[0].agreed).toBe(true);
    expect(sut(scaleCard, auto, { answers: { greeting: scale(2) }, overrideReasons: { greeting: 'partial' } }, draft).overrides).toEqual([
      { criterionId: 'greeting', autoAnswer: scale(4), humanAnswer: scale(2), reason: 'partial' },
    ]);
  });

  it.each([undefined, '', '   '])('requires a reason to override (reason %j)', (reason) => {
    const overrideReasons = reason === undefined ? undefined : { greeting: reason };

    const result = sut(scorecard, autoResults, { answers: { greeting: no }, overrideReasons }, draft);

    expect(result.issues).toEqual([{ path: 'overrideReasons.greeting', message: 'a reason is required to override the automatic result' }]);
    expect(result.overrides).toEqual([{ criterionId: 'greeting', autoAnswer: yes, humanAnswer: no, reason: '' }]);
  });

  it('refuses a reason for a criterion that was not overridden', () => {
    const result = sut(
      scorecard,
      autoResults,
      { answers: { greeting: yes, empathy: scale(1) }, overrideReasons: { greeting: 'agree anyway', empathy: 'manual', thanks: 'untouched' } },
      draft,
    );

    expect(result.issues).toEqual([
      { path: 'overrideReasons.greeting', message: 'only an overridden automatic result takes a reason' },
      { path: 'overrideReasons.empathy', message: 'only an overridden automatic result takes a reason' },
      { path: 'overrideReasons.thanks', message: 'only an overridden automatic result takes a reason' },
    ]);
  });

  it('ignores blank reasons for criteria that were not overridden', () => {
    expect(sut(scorecard, autoResults, { answers: {}, overrideReasons: { greeting: '', empathy: '  ' } }, draft).issues).toEqual([]);
  });

  it('treats an auto criterion without an automatic answer like a manual one', () => {
    const result = sut(scorecard, [{ criterionId: 'greeting', answer: yes }, { criterionId: 'thanks' }], { answers: { thanks: yes } }, draft);

    expect(result.answers).toEqual({ greeting: yes, thanks: yes });
    expect(result.agreements).toEqual([]);
    expect(result.overrides).toEqual([]);
  });

  it('works without automatic results, and ignores results for manual or unknown criteria', () => {
    expect(sut(scorecard, null, { answers: { greeting: no } }, draft)).toEqual({ answers: { greeting: no }, overrides: [], agreements: [], issues: [] });

    const result = sut(
      scorecard,
      [
        { criterionId: 'empathy', answer: scale(4) },
        { criterionId: 'ghost', answer: yes },
      ],
      { answers: {} },
      draft,
    );
    expect(result.answers).toEqual({});
  });

  it('reports answers that do not fit their criterion', () => {
    const result = sut(scorecard, autoResults, { answers: { empathy: scale(7), resolution: scale(1), greeting: na, ghost: yes } }, draft);

    expect(result.issues).toEqual(
      expect.arrayContaining([
        { path: 'answers.empathy.value', message: 'must be an integer from 0 to 4' },
        { path: 'answers.resolution', message: 'expected yes or no' },
        { path: 'answers.greeting', message: 'N/A is not allowed for this criterion' },
        { path: 'answers.ghost', message: 'no such criterion in this scorecard' },
      ]),
    );
  });

  it('accepts N/A where the criterion allows it', () => {
    expect(sut(scorecard, autoResults, { answers: { resolution: na, empathy: scale(0) } }, submit).issues).toEqual([]);
  });

  it('reports every unanswered criterion when the evaluation must be complete', () => {
    const input = { answers: { empathy: scale(2) } };

    expect(sut(scorecard, [{ criterionId: 'greeting', answer: yes }], input, draft).issues).toEqual([]);
    expect(sut(scorecard, [{ criterionId: 'greeting', answer: yes }], input, submit).issues).toEqual([
      { path: 'answers.thanks', message: 'needs an answer before the evaluation can be submitted' },
      { path: 'answers.resolution', message: 'needs an answer before the evaluation can be submitted' },
    ]);
  });

  it('does not change its inputs', () => {
    const input = { answers: { greeting: no }, overrideReasons: { greeting: 'missed it' } };
    const before = JSON.stringify({ input, autoResults });

    sut(scorecard, autoResults, input, submit);

    expect(JSON.stringify({ input, autoResults })).toBe(before);
  });
});
