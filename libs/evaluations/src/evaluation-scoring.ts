import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AutoScoreEntity, EvaluationEntity } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { AutoAnswer, PreparedAnswers, prepareReviewerAnswers, ReviewerInput, TimeComment, validateTimeComments } from '@callgrade/review-rules';
import { issuesToErrors, ScorecardsService } from '@callgrade/scorecards';
import {
  ANSWER_SHAPE,
  Answers,
  CriterionAnswer,
  evaluateScore,
  parseCriterionAnswer,
  roundPercent,
  Scorecard,
  ScoreBreakdown,
  validateAnswers,
  ValidationIssue,
} from '@callgrade/scoring';
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
  /** What the reviewer answered themselves, reduced to the answers' fields. */
  reviewerAnswers: Record<string, CriterionAnswer>;
  prepared: PreparedAnswers;
  breakdown: ScoreBreakdown;
  comments: TimeComment[];
}

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
  checkDraft(
    ctx: ScoringContext,
    raw: ReviewerSubmission,
    durationMs: number,
  ): { answers: Record<string, CriterionAnswer>; comments: TimeComment[]; pending: PreparedAnswers } {
    const { submission, issues: shapeIssues } = parseSubmission(raw);
    const answerIssues = shapeIssues.length > 0 ? shapeIssues : validateAnswers(ctx.scorecard, submission.answers);
    const { comments, issues: commentIssues } = validateTimeComments(submission.comments ?? [], durationMs, ctx.scorecard);
    const issues = [...answerIssues, ...commentIssues];
    if (issues.length > 0) throw DomainError.validation(issuesToErrors(issues, ''), 'The draft is invalid');
    const pending = prepareReviewerAnswers(ctx.scorecard, ctx.autoResults, submission, { requireComplete: true });
    return { answers: submission.answers, comments, pending };
  }

  /** The total over what is answered so far, for a draft. */
  provisionalPercent(ctx: ScoringContext, answers: Answers): number | null {
    return roundPercent(evaluateScore(ctx.scorecard, answers).percent);
  }

  /** Everything must be answered and every override explained (422 naming each problem otherwise). */
  score(ctx: ScoringContext, raw: ReviewerSubmission, durationMs: number): ScoredSubmission {
    const { submission, issues: shapeIssues } = parseSubmission(raw);
    if (shapeIssues.length > 0) throw DomainError.validation(issuesToErrors(shapeIssues, ''), 'The evaluation cannot be submitted');
    const prepared = prepareReviewerAnswers(ctx.scorecard, ctx.autoResults, submission, { requireComplete: true });
    const { comments, issues: commentIssues } = validateTimeComments(submission.comments ?? [], durationMs, ctx.scorecard);
    const issues = [...prepared.issues, ...commentIssues];
    if (issues.length > 0) throw DomainError.validation(issuesToErrors(issues, ''), 'The evaluation cannot be submitted');
    return { reviewerAnswers: submission.answers, prepared, breakdown: evaluateScore(ctx.scorecard, prepared.answers), comments };
  }
}

/** Answers reduced to their fields (`kind`, and `value` for a scale) before the scoring rules read them; reasons must be text. */
function parseSubmission(raw: ReviewerSubmission): { submission: ReviewerSubmission; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const answers: Record<string, CriterionAnswer> = {};
  for (const [id, value] of Object.entries(raw.answers ?? {})) {
    const answer = parseCriterionAnswer(value);
    if (answer) answers[id] = answer;
    else issues.push({ path: `answers.${id}`, message: ANSWER_SHAPE });
  }
  for (const [id, reason] of Object.entries(raw.overrideReasons ?? {})) {
    if (typeof reason !== 'string') issues.push({ path: `overrideReasons.${id}`, message: 'must be a string' });
  }
  return { submission: { ...raw, answers }, issues };
}
