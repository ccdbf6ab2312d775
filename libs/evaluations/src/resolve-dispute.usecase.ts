import { Injectable } from '@nestjs/common';
import { Principal } from '@callgrade/auth';
import { EvaluationDisputeEntity, EvaluationEntity, EvaluationRevisionEntity, RecordingEntity, UserRole } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { nextState } from '@callgrade/review-rules';
import { CriterionAnswer } from '@callgrade/scoring';
import { DataSource, EntityManager } from 'typeorm';
import { asUser } from './evaluation-access';
import { EvaluationNotifier } from './evaluation-notifier';
import { EvaluationScoring, ReviewerSubmission } from './evaluation-scoring';
import { appendEvent, appendRevision, lockEvaluation } from './evaluation-store';
import { underReviewRules } from './review-rule-errors';

export type ResolveDisputeCommand =
  | { outcome: 'upheld'; note: string }
  | {
      outcome: 'amended';
      note: string;
      /** Only the answers that change; the rest of the current revision stands. */
      answers: Record<string, CriterionAnswer>;
      overrideReasons?: Record<string, string>;
      comments?: unknown[];
    };

/**
 * Closes an open dispute. Upheld: the score stands. Amended: a new revision with the changed answers,
 * scored by the server, with the note as its reason; the agent is sent the new score. The original
 * reviewer never resolves a dispute of their own evaluation.
 */
@Injectable()
export class ResolveDispute {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: EvaluationScoring,
    private readonly notifier: EvaluationNotifier,
  ) {}

  async execute(principal: Principal, evaluationId: string, command: ResolveDisputeCommand): Promise<EvaluationEntity> {
    const amended = command.outcome === 'amended';
    const evaluation = await this.dataSource.transaction(async (manager) => {
      const evaluation = await lockEvaluation(manager, evaluationId);
      const dispute = await manager.findOneBy(EvaluationDisputeEntity, { evaluationId, status: 'open' });
      const state = underReviewRules(() => nextState(evaluation.state, 'resolve'));
      if (!dispute) throw new DomainError(ErrorCode.Conflict, `Evaluation ${evaluationId} has no open dispute`);
      this.assertMayResolve(principal, evaluation, dispute);
      const note = command.note.trim();
      if (command.outcome === 'amended') await this.amend(manager, principal.id, evaluation, command, note);
      evaluation.state = state as EvaluationEntity['state'];
      await manager.update(
        EvaluationEntity,
        { id: evaluation.id },
        {
          state: evaluation.state,
          revision: evaluation.revision,
          percent: evaluation.percent,
          criticalFailed: evaluation.criticalFailed,
          draft: evaluation.draft,
        },
      );
      await manager.update(
        EvaluationDisputeEntity,
        { id: dispute.id },
        {
          status: command.outcome,
          resolvedBy: principal.id,
          resolutionNote: note,
          resolvedAt: new Date(),
          amendedRevision: amended ? evaluation.revision : null,
        },
      );
      await appendEvent(manager, evaluation.id, amended ? 'amended' : 'dispute_upheld', principal.id, {
        disputeId: dispute.id,
        note,
        revision: evaluation.revision,
        percent: evaluation.percent,
      });
      return evaluation;
    });
    if (amended) await this.notifier.published(evaluation);
    await this.notifier.stateChanged(evaluation);
    return evaluation;
  }

  private assertMayResolve(principal: Principal, evaluation: EvaluationEntity, dispute: EvaluationDisputeEntity) {
    const user = asUser(principal);
    if (user.id === evaluation.reviewerId) throw new DomainError(ErrorCode.Forbidden, 'The original reviewer cannot resolve a dispute of their own evaluation');
    if (user.id === evaluation.agentId) throw new DomainError(ErrorCode.Forbidden, 'Agents cannot resolve their own disputes');
    const mayTakeOver = user.role === UserRole.Admin || user.role === UserRole.DisputeTeam;
    if (dispute.assigneeId && dispute.assigneeId !== user.id && !mayTakeOver) {
      throw new DomainError(ErrorCode.Forbidden, 'This dispute is assigned to another reviewer');
    }
  }

  private async amend(
    manager: EntityManager,
    authorId: string,
    evaluation: EvaluationEntity,
    command: Extract<ResolveDisputeCommand, { outcome: 'amended' }>,
    note: string,
  ) {
    if (Object.keys(command.answers).length === 0) throw DomainError.validation({ answers: 'an amendment changes at least one answer' });
    const current = await manager.findOneByOrFail(EvaluationRevisionEntity, { evaluationId: evaluation.id, revision: evaluation.revision });
    // A changed answer needs its own reason if it overrides the auto result; the old one no longer applies.
    const reasons = { ...evaluation.draft.overrideReasons };
    for (const id of Object.keys(command.answers)) delete reasons[id];
    const input: ReviewerSubmission = {
      answers: { ...(evaluation.draft.answers as Record<string, CriterionAnswer>), ...command.answers },
      overrideReasons: { ...reasons, ...command.overrideReasons },
      comments: command.comments ?? current.comments,
    };
    const recording = await manager.findOneByOrFail(RecordingEntity, { id: evaluation.recordingId });
    const scored = this.scoring.score(await this.scoring.contextFor(evaluation), input, recording.durationMs);
    await appendRevision(manager, evaluation, scored, authorId, note, current.summary);
    evaluation.draft = { ...evaluation.draft, answers: scored.reviewerAnswers, overrideReasons: input.overrideReasons, comments: scored.comments };
  }
}
