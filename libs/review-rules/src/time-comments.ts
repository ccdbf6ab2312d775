import type { Scorecard, ValidationIssue } from '@callgrade/scoring';
import { criteriaOf } from './scorecard-criteria';

export interface TimeComment {
  /** Milliseconds from the start of the recording. */
  atMs: number;
  text: string;
  criterionId?: string;
}

export const MAX_COMMENT_LENGTH = 2000;

/**
 * Checks comments a reviewer pinned to moments of the call, as they arrive from a request body. Returns the
 * valid ones (text trimmed, unknown fields dropped) in time order; a comment with any issue is left out.
 * Length counts characters (code points), as PostgreSQL does, not UTF-16 code units.
 */
export function validateTimeComments(comments: unknown, durationMs: number, scorecard: Scorecard): { comments: TimeComment[]; issues: ValidationIssue[] } {
  if (!Array.isArray(comments)) return { comments: [], issues: [{ path: 'comments', message: 'must be an array' }] };
  const criterionIds = new Set(criteriaOf(scorecard).map((criterion) => criterion.id));
  const valid: TimeComment[] = [];
  const issues: ValidationIssue[] = [];
  comments.forEach((comment: unknown, i) => {
    const at = `comments[${i}]`;
    if (comment === null || typeof comment !== 'object' || Array.isArray(comment)) {
      issues.push({ path: at, message: 'must be an object with atMs and text' });
      return;
    }
    const { atMs, text, criterionId } = comment as Record<string, unknown>;
    const before = issues.length;
    if (typeof atMs !== 'number' || !Number.isInteger(atMs) || atMs < 0 || atMs > durationMs) {
      issues.push({ path: `${at}.atMs`, message: `must be an integer from 0 to ${durationMs} (the length of the call in ms)` });
    }
    const trimmed = typeof text === 'string' ? text.trim() : '';
    if (typeof text !== 'string') issues.push({ path: `${at}.text`, message: 'must be a string' });
    else if (trimmed === '') issues.push({ path: `${at}.text`, message: 'must not be empty' });
    else if ([...trimmed].length > MAX_COMMENT_LENGTH) issues.push({ path: `${at}.text`, message: `must be at most ${MAX_COMMENT_LENGTH} characters` });
    const hasCriterion = criterionId !== undefined && criterionId !== null;
    if (hasCriterion && (typeof criterionId !== 'string' || !criterionIds.has(criterionId))) {
      issues.push({ path: `${at}.criterionId`, message: 'no such criterion in this scorecard' });
    }
    if (issues.length > before) return;
    valid.push(hasCriterion ? { atMs: atMs as number, text: trimmed, criterionId: criterionId as string } : { atMs: atMs as number, text: trimmed });
  });
  // Array.prototype.sort is stable, so comments at the same moment keep the order they were given in.
  valid.sort((a, b) => a.atMs - b.atMs);
  return { comments: valid, issues };
}
