import { Injectable } from '@nestjs/common';
import { Principal } from '@callgrade/auth';
import { EvaluationEntity, RecordingEntity } from '@callgrade/database';
import { nextState } from '@callgrade/review-rules';
import { DataSource } from 'typeorm';
import { assertIsTheReviewer } from './evaluation-access';
import { EvaluationScoring, ReviewerSubmission } from './evaluation-scoring';
import { lockEvaluation } from './evaluation-store';
import { underReviewRules } from './review-rule-errors';

export interface SavedDraft {
  evaluation: EvaluationEntity;
  /** What still stands between the draft and a submission (unanswered criteria, overrides without reasons). */
  blockingIssues: { path: string; message: string }[];
  /** The total the draft would give now, over what is answered. */
  provisionalPercent: number | null;
}

/** Keeps a reviewer's work in progress. Answers must fit their criteria; completeness waits for submit. */
@Injectable()
export class SaveEvaluationDraft {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: EvaluationScoring,
  ) {}

  async execute(principal: Principal, evaluationId: string, submission: ReviewerSubmission): Promise<SavedDraft> {
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await lockEvaluation(manager, evaluationId);
      assertIsTheReviewer(principal, evaluation);
      underReviewRules(() => nextState(evaluation.state, 'save_draft'));
      const recording = await manager.findOneByOrFail(RecordingEntity, { id: evaluation.recordingId });
      const ctx = await this.scoring.contextFor(evaluation);
      const { answers, comments, pending } = this.scoring.checkDraft(ctx, submission, recording.durationMs);
      evaluation.draft = { answers, overrideReasons: submission.overrideReasons ?? {}, comments, summary: submission.summary };
      await manager.update(EvaluationEntity, { id: evaluation.id }, { draft: evaluation.draft });
      return {
        evaluation,
        blockingIssues: pending.issues,
        provisionalPercent: this.scoring.provisionalPercent(ctx, pending.answers),
      };
    });
  }
}
