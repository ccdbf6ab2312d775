import { Injectable } from '@nestjs/common';
import { EvaluationEntity } from '@callgrade/database';
import { EventPublisher } from '@callgrade/events';

/** Live updates about evaluations; published after the change is committed. */
@Injectable()
export class EvaluationNotifier {
  constructor(private readonly events: EventPublisher) {}

  /** A new or amended score, to that agent only. */
  async published(evaluation: EvaluationEntity): Promise<void> {
    await this.events.publish(
      'evaluation.published',
      {
        evaluationId: evaluation.id,
        recordingId: evaluation.recordingId,
        agentId: evaluation.agentId,
        revision: evaluation.revision,
        percent: evaluation.percent,
        criticalFailed: evaluation.criticalFailed ?? false,
        disputeDeadline: evaluation.disputeDeadline?.toISOString() ?? null,
      },
      { agentId: evaluation.agentId, agentOnly: true },
    );
  }

  /** Acknowledged, disputed, resolved: to the agent and to staff. */
  async stateChanged(evaluation: EvaluationEntity): Promise<void> {
    await this.events.publish(
      'evaluation.state',
      { evaluationId: evaluation.id, agentId: evaluation.agentId, state: evaluation.state, revision: evaluation.revision },
      { agentId: evaluation.agentId },
    );
  }
}
