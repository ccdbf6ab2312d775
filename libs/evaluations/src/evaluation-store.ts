import { AutoAgreementEntity, EvaluationEntity, EvaluationEventEntity, EvaluationEventType, EvaluationRevisionEntity } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { AutoAgreement } from '@callgrade/review-rules';
import { EntityManager } from 'typeorm';
import { roundPercent } from '@callgrade/scoring';
import { ScoredSubmission } from './evaluation-scoring';

/** The evaluation row, locked until the transaction ends, so two state changes never interleave. */
export async function lockEvaluation(manager: EntityManager, id: string): Promise<EvaluationEntity> {
  const evaluation = await manager.findOne(EvaluationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!evaluation) throw DomainError.notFound(`Evaluation ${id}`);
  return evaluation;
}

export async function appendEvent(
  manager: EntityManager,
  evaluationId: string,
  type: EvaluationEventType,
  actorId: string,
  detail: object = {},
): Promise<void> {
  await manager.insert(EvaluationEventEntity, { evaluationId, type, actorId, detail });
}

/** Appends a revision with its auto-agreement records and points the evaluation at it. */
export async function appendRevision(
  manager: EntityManager,
  evaluation: EvaluationEntity,
  scored: ScoredSubmission,
  authorId: string,
  reason: string | null,
  summary: string | null,
): Promise<EvaluationRevisionEntity> {
  const revision = evaluation.revision + 1;
  const percent = roundPercent(scored.breakdown.percent);
  const criticalFailed = scored.breakdown.criticalFailures.length > 0;
  const row = manager.create(EvaluationRevisionEntity, {
    evaluationId: evaluation.id,
    revision,
    answers: scored.prepared.answers,
    overrides: scored.prepared.overrides,
    comments: scored.comments as unknown as object[],
    summary,
    breakdown: scored.breakdown as unknown as object,
    percent,
    criticalFailed,
    authorId,
    reason,
  });
  await manager.insert(EvaluationRevisionEntity, row);
  const now = new Date();
  if (scored.prepared.agreements.length > 0) {
    await manager.insert(
      AutoAgreementEntity,
      scored.prepared.agreements.map((a: AutoAgreement) => ({
        evaluationId: evaluation.id,
        revision,
        criterionId: a.criterionId,
        recordingId: evaluation.recordingId,
        autoAnswer: a.autoAnswer,
        humanAnswer: a.humanAnswer,
        agreed: a.agreed,
        evaluatedAt: now,
      })),
    );
  }
  Object.assign(evaluation, { revision, percent, criticalFailed });
  return row;
}
