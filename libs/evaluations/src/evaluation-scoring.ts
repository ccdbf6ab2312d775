import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AutoScoreEntity, EvaluationEntity } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { AutoAnswer, PreparedAnswers, prepareReviewerAnswers, ReviewerInput, TimeComment, validateTimeComments } from '@callgrade/review-rules';
import { issuesToErrors, ScorecardsService } from '@callgrade/scorecards';
import { Answers, evaluateScore, Scorecard, ScoreBreakdown, validateAnswers, ValidationIssue } from '@callgrade/scoring';
import { Repository } from 'typeorm';

/** What a reviewer sends: their answers, reasons for overriding auto results, comments at times in the call. */
export interface ReviewerSubmission extends ReviewerInput {
  comments?: unknown;
  summary?: string;
}

export interface ScoringContext {
  scorecard: Scorecard;
  autoScore: AutoScoreEntity | null;
  autoResults: AutoAnswer[] | null;
}

export interface ScoredSubmission {
  prepared: PreparedAnswers;
  breakdown: ScoreBreakdown;
  comments: TimeComment[];
}

/** Totals are stored with two decimals. */
export const roundPercent = (p: number | null) => (p === null ? null : Math.round(p * 100) / 100);

/**
 * Scores a reviewer's submission against the evaluation's scorecard version and the auto-score it
 * started from. The server computes every total; clients never send one.
 */
@Injectable()
export class EvaluationScoring {
  constructor(
    private readonly scorecards: ScorecardsService,
    @InjectRepository(AutoScoreEntity) private readonly autoScores: Repository<AutoScoreEntity>,
  ) {}

  async contextFor(evaluation: Pick<EvaluationEntity, 'scorecardVersionId' | 'autoScoreId'>): Promise<ScoringContext> {
    const version = await this.scorecards.getVersionById(evaluation.scorecardVersionId);
    const autoScore = evaluation.autoScoreId ? await this.autoScores.findOneBy({ id: evaluation.autoScoreId }) : null;
    const autoResults = autoScore ? (autoScore.criteria as AutoAnswer[]) : null;
    return { scorecard: version.definition, autoScore, autoResults };
  }

  /** Checks what a draft may hold: answers that fit their criteria and well-formed comments (422 otherwise). */
  checkDraft(ctx: ScoringContext, submission: ReviewerSubmission, durationMs: number): { comments: TimeComment[]; pending: PreparedAnswers } {
    const answerIssues = answerShapeIssues(submission) ?? validateAnswers(ctx.scorecard, submission.answers);
    const { comments, issues: commentIssues } = validateTimeComments(submission.comments ?? [], durationMs, ctx.scorecard);
    const issues = [...answerIssues, ...commentIssues];
    if (issues.length > 0) throw DomainError.validation(issuesToErrors(issues, ''), 'The draft is invalid');
    const pending = prepareReviewerAnswers(ctx.scorecard, ctx.autoResults, submission, { requireComplete: true });
    return { comments, pending };
  }

  /** The total over what is answered so far, for a draft. */
  provisionalPercent(ctx: ScoringContext, answers: Answers): number | null {
    return roundPercent(evaluateScore(ctx.scorecard, answers).percent);
  }

  /** Everything must be answered and every override explained (422 naming each problem otherwise). */
  score(ctx: ScoringContext, submission: ReviewerSubmission, durationMs: number): ScoredSubmission {
    const shapeIssues = answerShapeIssues(submission);
    if (shapeIssues) throw DomainError.validation(issuesToErrors(shapeIssues, ''), 'The evaluation cannot be submitted');
    const prepared = prepareReviewerAnswers(ctx.scorecard, ctx.autoResults, submission, { requireComplete: true });
    const { comments, issues: commentIssues } = validateTimeComments(submission.comments ?? [], durationMs, ctx.scorecard);
    const issues = [...prepared.issues, ...commentIssues];
    if (issues.length > 0) throw DomainError.validation(issuesToErrors(issues, ''), 'The evaluation cannot be submitted');
    return { prepared, breakdown: evaluateScore(ctx.scorecard, prepared.answers), comments };
  }
}

/** Answers must be objects (`{ kind: 'yes' }`, `{ kind: 'scale', value: 4 }`) before the scoring rules can read them. */
function answerShapeIssues(submission: ReviewerSubmission): ValidationIssue[] | null {
  const issues: ValidationIssue[] = [];
  for (const [id, answer] of Object.entries(submission.answers ?? {})) {
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      issues.push({ path: `answers.${id}`, message: "must be an object such as { kind: 'yes' } or { kind: 'scale', value: 4 }" });
    }
  }
  for (const [id, reason] of Object.entries(submission.overrideReasons ?? {})) {
    if (typeof reason !== 'string') issues.push({ path: `overrideReasons.${id}`, message: 'must be a string' });
  }
  return issues.length > 0 ? issues : null;
}
