import { Injectable } from '@nestjs/common';
import { Principal } from '@callgrade/auth';
import { EvaluationEntity } from '@callgrade/database';
import { nextState } from '@callgrade/review-rules';
import { DataSource } from 'typeorm';
import { assertIsTheAgent } from './evaluation-access';
import { EvaluationNotifier } from './evaluation-notifier';
import { appendEvent, lockEvaluation } from './evaluation-store';
import { underReviewRules } from './review-rule-errors';

/** The agent has read the evaluation (or the outcome of their dispute) and accepts it. */
@Injectable()
export class AcknowledgeEvaluation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: EvaluationNotifier,
  ) {}

  async execute(principal: Principal, evaluationId: string, comment?: string): Promise<EvaluationEntity> {
    const evaluation = await this.dataSource.transaction(async (manager) => {
      const evaluation = await lockEvaluation(manager, evaluationId);
      assertIsTheAgent(principal, evaluation);
      evaluation.state = underReviewRules(() => nextState(evaluation.state, 'acknowledge')) as EvaluationEntity['state'];
      evaluation.acknowledgedAt = new Date();
      await manager.update(EvaluationEntity, { id: evaluation.id }, { state: evaluation.state, acknowledgedAt: evaluation.acknowledgedAt });
      await appendEvent(manager, evaluation.id, 'acknowledged', principal.id, { revision: evaluation.revision, comment: comment?.trim() || null });
      return evaluation;
    });
    await this.notifier.stateChanged(evaluation);
    return evaluation;
  }
}
