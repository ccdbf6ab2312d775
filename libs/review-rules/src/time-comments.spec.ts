import { aReviewScorecard } from '../test/review-rules.builders';
import { MAX_COMMENT_LENGTH, validateTimeComments } from './time-comments';

const sut = validateTimeComments;
const scorecard = aReviewScorecard();
const DURATION_MS = 180_000;

describe('validateTimeComments', () => {
  it('returns valid comments trimmed and sorted by time', () => {
    const result = sut(
      [
        { atMs: 90_000, text: ' second ' },
        { atMs: 1_000, text: 'first', criterionId: 'greeting' },
        { atMs: 90_000, text: 'second, given later' },
        { atMs: DURATION_MS, text: 'at the very end', criterionId: null },
        { atMs: 0, text: 'at the very start' },
      ],
      DURATION_MS,
      scorecard,
    );

    expect(result.issues).toEqual([]);
    expect(result.comments).toEqual([
      { atMs: 0, text: 'at the very start' },
      { atMs: 1_000, text: 'first', criterionId: 'greeting' },
      { atMs: 90_000, text: 'second' },
      { atMs: 90_000, text: 'second, given later' },
      { atMs: DURATION_MS, text: 'at the very end' },
    ]);
  });

  it('accepts an empty list and drops unknown fields', () => {
    expect(sut([], DURATION_MS, scorecard)).toEqual({ comments: [], issues: [] });
    expect(sut([{ atMs: 5, text: 'x', extra: true }], DURATION_MS, scorecard).comments).toEqual([{ atMs: 5, text: 'x' }]);
  });

  it.each([undefined, null, 'comments', { atMs: 1, text: 'x' }])('rejects %j as the list', (comments) => {
    expect(sut(comments, DURATION_MS, scorecard)).toEqual({ comments: [], issues: [{ path: 'comments', message: 'must be an array' }] });
  });

  it.each([null, 'text', 12, [1, 'x']])('rejects %j as a comment', (comment) => {
    expect(sut([comment], DURATION_MS, scorecard).issues).toEqual([{ path: 'comments[0]', message: 'must be an object with atMs and text' }]);
  });

  it.each([-1, 1.5, DURATION_MS + 1, Number.NaN, Infinity, '100', undefined])('rejects atMs %p', (atMs) => {
    const result = sut(
      [
        { atMs: 10, text: 'fine' },
        { atMs, text: 'hello' },
      ],
      DURATION_MS,
      scorecard,
    );

    expect(result.issues).toEqual([{ path: 'comments[1].atMs', message: `must be an integer from 0 to ${DURATION_MS} (the length of the call in ms)` }]);
    expect(result.comments).toEqual([{ atMs: 10, text: 'fine' }]);
  });

  it('rejects missing, blank and overlong text', () => {
    const result = sut(
      [{ atMs: 1 }, { atMs: 1, text: '  \n ' }, { atMs: 1, text: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }, { atMs: 1, text: 42 }],
      DURATION_MS,
      scorecard,
    );

    expect(result.issues).toEqual([
      { path: 'comments[0].text', message: 'must be a string' },
      { path: 'comments[1].text', message: 'must not be empty' },
      { path: 'comments[2].text', message: 'must be at most 2000 characters' },
      { path: 'comments[3].text', message: 'must be a string' },
    ]);
    expect(result.comments).toEqual([]);
  });

  it('measures length after trimming and in characters, not UTF-16 units', () => {
    const emoji = '😀'.repeat(MAX_COMMENT_LENGTH); // 4000 UTF-16 code units, 2000 characters
    const padded = `  ${'y'.repeat(MAX_COMMENT_LENGTH)}  `;

    const result = sut(
      [
        { atMs: 1, text: emoji },
        { atMs: 2, text: padded },
      ],
      DURATION_MS,
      scorecard,
    );

    expect(result.issues).toEqual([]);
    expect(result.comments.map((comment) => [...comment.text].length)).toEqual([MAX_COMMENT_LENGTH, MAX_COMMENT_LENGTH]);
  });

  it('rejects a criterion that is not in the scorecard', () => {
    const result = sut(
      [
        { atMs: 1, text: 'x', criterionId: 'ghost' },
        { atMs: 2, text: 'y', criterionId: 7 },
      ],
      DURATION_MS,
      scorecard,
    );

    expect(result.issues).toEqual([
      { path: 'comments[0].criterionId', message: 'no such criterion in this scorecard' },
      { path: 'comments[1].criterionId', message: 'no such criterion in this scorecard' },
    ]);
  });

  it('reports every problem of a comment at once', () => {
    expect(sut([{ atMs: -5, text: '', criterionId: 'ghost' }], DURATION_MS, scorecard).issues.map((issue) => issue.path)).toEqual([
      'comments[0].atMs',
      'comments[0].text',
      'comments[0].criterionId',
    ]);
  });
});
