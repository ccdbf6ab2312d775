import { Injectable } from '@nestjs/common';
import { Principal } from '@callgrade/auth';
import { AssignmentStatus, AutoScoreEntity, EvaluationEntity, isUniqueViolation, ReviewAssignmentEntity, UserRole, REVIEWER_ROLES } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { RecordingQueries } from '@callgrade/recordings';
import { ScorecardsService } from '@callgrade/scorecards';
import { DataSource, EntityManager, Not } from 'typeorm';
import { asUser } from './evaluation-access';
import { appendEvent } from './evaluation-store';

export type StartEvaluationCommand = { assignmentId?: string; recordingId?: string; note?: string };

/**
 * Opens the evaluation of an assigned call (or, for a call nobody picked, assigns it to the caller
 * first). It is scored on the scorecard version its auto-score used, so auto results and human answers
 * refer to the same criteria; a call without an auto-score uses the default scorecard's latest version,
 * frozen first so that editing the scorecard cannot change what the evaluation refers to. Idempotent for
 * the assigned reviewer: opening again returns the same evaluation.
 */
@Injectable()
export class StartEvaluation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recordings: RecordingQueries,
    private readonly scorecards: ScorecardsService,
  ) {}

  async execute(principal: Principal, command: StartEvaluationCommand): Promise<EvaluationEntity> {
    const user = asUser(principal);
    try {
      return await this.open(principal, user.id, user.role, command);
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError(ErrorCode.Conflict, 'Someone else opened this call for review at the same moment; reload and try again');
      throw e;
    }
  }

  private open(principal: Principal, userId: string, role: UserRole, command: StartEvaluationCommand): Promise<EvaluationEntity> {
    return this.dataSource.transaction(async (manager) => {
      if (!command.assignmentId === !command.recordingId) throw DomainError.validation({ assignmentId: 'give either assignmentId or recordingId' });
      const assignment = command.assignmentId
        ? await this.claimAssignment(manager, command.assignmentId, userId, role)
        : await this.adHocAssignment(manager, principal, command.recordingId!, command.note);
      const existing = await manager.findOneBy(EvaluationEntity, { assignmentId: assignment.id });
      if (existing) return existing;

      const autoScore = await manager.findOne(AutoScoreEntity, { where: { recordingId: assignment.recordingId }, order: { createdAt: 'DESC', id: 'DESC' } });
      const scorecardVersionId = autoScore?.scorecardVersionId ?? (await this.scorecards.currentForScoring({ freeze: true })).versionId;
      const evaluation = manager.create(EvaluationEntity, {
        assignmentId: assignment.id,
        recordingId: assignment.recordingId,
        agentId: assignment.agentId,
        reviewerId: userId,
        scorecardVersionId,
        autoScoreId: autoScore?.id ?? null,
        draft: {},
      });
      await manager.insert(EvaluationEntity, evaluation);
      await manager.update(ReviewAssignmentEntity, { id: assignment.id }, { status: AssignmentStatus.InProgress });
      await appendEvent(manager, evaluation.id, 'created', userId, { assignmentId: assignment.id, scorecardVersionId });
      return manager.findOneByOrFail(EvaluationEntity, { id: evaluation.id });
    });
  }

  /** The assigned reviewer opens it; an unassigned one goes to whoever opens it first. */
  private async claimAssignment(manager: EntityManager, id: string, userId: string, role: UserRole): Promise<ReviewAssignmentEntity> {
    const assignment = await manager.findOne(ReviewAssignmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!assignment) throw DomainError.notFound(`Review assignment ${id}`);
    if (assignment.status === AssignmentStatus.Cancelled) throw new DomainError(ErrorCode.Conflict, `Review assignment ${id} was cancelled`);
    if (assignment.agentId === userId) throw new DomainError(ErrorCode.Forbidden, 'Nobody evaluates their own calls');
    if (assignment.reviewerId === null) {
      await manager.update(ReviewAssignmentEntity, { id }, { reviewerId: userId });
      assignment.reviewerId = userId;
    }
    if (assignment.reviewerId !== userId) {
      const hint = REVIEWER_ROLES.includes(role) ? ' (reassign it first: POST /api/v1/review-assignments/:id/reassign)' : '';
      throw new DomainError(ErrorCode.Forbidden, `Review assignment ${id} belongs to another reviewer${hint}`);
    }
    return assignment;
  }

  private async adHocAssignment(manager: EntityManager, principal: Principal, recordingId: string, note?: string): Promise<ReviewAssignmentEntity> {
    const recording = await this.recordings.get(principal, recordingId);
    if (recording.agentId === principal.id) throw new DomainError(ErrorCode.Forbidden, 'Nobody evaluates their own calls');
    const live = await manager.findOneBy(ReviewAssignmentEntity, { recordingId, status: Not(AssignmentStatus.Cancelled) });
    if (live && live.reviewerId === principal.id) return live;
    if (live) throw new DomainError(ErrorCode.Conflict, `Recording ${recordingId} is already assigned for review (assignment ${live.id})`);
    const assignment = manager.create(ReviewAssignmentEntity, {
      recordingId,
      agentId: recording.agentId,
      reviewerId: principal.id,
      reason: { kind: 'manual', note: note ?? null, by: principal.id },
      alsoMatched: [],
      status: AssignmentStatus.Open,
    });
    await manager.insert(ReviewAssignmentEntity, assignment);
    return assignment;
  }
}
