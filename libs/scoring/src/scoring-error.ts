export enum ScoringErrorCode {
  InvalidScorecard = 'scoring.invalid_scorecard',
  InvalidAnswers = 'scoring.invalid_answers',
}

/** A problem with one field, named by its path ("sections[1].criteria[0].weight"). */
export interface ValidationIssue {
  path: string;
  message: string;
}

export function describeIssue(issue: ValidationIssue): string {
  return `${issue.path}: ${issue.message}`;
}

export class ScoringError extends Error {
  constructor(
    readonly code: ScoringErrorCode,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(issues.map(describeIssue).join('; '));
    this.name = 'ScoringError';
  }
}
