import { Injectable } from '@nestjs/common';
import { Principal } from '@callgrade/auth';
import { AssignmentStatus, EvaluationEntity, EvaluationState, RecordingEntity, ReviewAssignmentEntity } from '@callgrade/database';
import { disputeDeadline, nextState } from '@callgrade/review-rules';
import { DataSource } from 'typeorm';
import { assertIsTheReviewer } from './evaluation-access';
import { EvaluationNotifier } from './evaluation-notifier';
import { EvaluationScoring, ReviewerSubmission } from './evaluation-scoring';
import { appendEvent, appendRevision, lockEvaluation } from './evaluation-store';
import { ReviewSettingsService } from './review-settings.service';
import { underReviewRules } from './review-rule-errors';

/**
 * Submits an evaluation: the server scores it on its scorecard version, stores revision 1 with the
 * reviewer's agreement or disagreement with each auto result they answered, completes the assignment,
 * opens the dispute window and publishes the result to the agent.
 */
@Injectable()
export class SubmitEvaluation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: EvaluationScoring,
    private readonly settings: ReviewSettingsService,
    private readonly notifier: EvaluationNotifier,
  ) {}

  /** Without a submission, the saved draft is submitted. */
  async execute(principal: Principal, evaluationId: string, submission?: ReviewerSubmission): Promise<EvaluationEntity> {
    const { disputeWindowHours } = await this.settings.current();
    const evaluation = await this.dataSource.transaction(async (manager) => {
      const evaluation = await lockEvaluation(manager, evaluationId);
      assertIsTheReviewer(principal, evaluation);
      const state = underReviewRules(() => nextState(evaluation.state, 'submit'));
      const input: ReviewerSubmission = submission ?? {
        answers: (evaluation.draft.answers ?? {}) as ReviewerSubmission['answers'],
        overrideReasons: evaluation.draft.overrideReasons ?? {},
        comments: evaluation.draft.comments ?? [],
        summary: evaluation.draft.summary,
      };
      const recording = await manager.findOneByOrFail(RecordingEntity, { id: evaluation.recordingId });
      const scored = this.scoring.score(await this.scoring.contextFor(evaluation), input, recording.durationMs);
      await appendRevision(manager, evaluation, scored, principal.id, null, input.summary?.trim() || null);
      const submittedAt = new Date();
      Object.assign(evaluation, {
        state: state as EvaluationState,
        submittedAt,
        disputeDeadline: disputeDeadline(submittedAt, disputeWindowHours),
        draft: { answers: scored.reviewerAnswers, overrideReasons: input.overrideReasons ?? {}, comments: scored.comments, summary: input.summary },
      });
      await manager.update(
        EvaluationEntity,
        { id: evaluation.id },
        {
          state: evaluation.state,
          revision: evaluation.revision,
          percent: evaluation.percent,
          criticalFailed: evaluation.criticalFailed,
          submittedAt,
          disputeDeadline: evaluation.disputeDeadline,
          draft: evaluation.draft,
        },
      );
      if (evaluation.assignmentId) await manager.update(ReviewAssignmentEntity, { id: evaluation.assignmentId }, { status: AssignmentStatus.Completed });
      await appendEvent(manager, evaluation.id, 'submitted', principal.id, {
        revision: evaluation.revision,
        percent: evaluation.percent,
        overrides: scored.prepared.overrides.map((o) => o.criterionId),
      });
      return evaluation;
    });
    await this.notifier.published(evaluation);
    return evaluation;
  }
}
