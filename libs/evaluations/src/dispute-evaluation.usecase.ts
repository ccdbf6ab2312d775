import { Injectable } from '@nestjs/common';
import { Principal } from '@callgrade/auth';
import { EvaluationDisputeEntity, EvaluationEntity, UserRole } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { assertCanDispute, nextState } from '@callgrade/review-rules';
import { ScorecardsService } from '@callgrade/scorecards';
import { DataSource, EntityManager } from 'typeorm';
import { assertIsTheAgent } from './evaluation-access';
import { EvaluationNotifier } from './evaluation-notifier';
import { appendEvent, lockEvaluation } from './evaluation-store';
import { ReviewSettingsService } from './review-settings.service';
import { underReviewRules } from './review-rule-errors';

export interface DisputeCommand {
  criteria: string[];
  reason: string;
}

/**
 * The agent challenges an evaluation within the dispute window, naming the criteria and why. The
 * dispute goes to someone other than the original reviewer: by the review settings, the QA reviewer
 * or the dispute-team member with the fewest open disputes (never the agent's own team supervisor
 * when another reviewer is available).
 */
@Injectable()
export class DisputeEvaluation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
    private readonly settings: ReviewSettingsService,
    private readonly notifier: EvaluationNotifier,
  ) {}

  async execute(
    principal: Principal,
    evaluationId: string,
    command: DisputeCommand,
  ): Promise<{ evaluation: EvaluationEntity; dispute: EvaluationDisputeEntity }> {
    const { disputeRouting } = await this.settings.current();
    const result = await this.dataSource.transaction(async (manager) => {
      const evaluation = await lockEvaluation(manager, evaluationId);
      assertIsTheAgent(principal, evaluation);
      const state = underReviewRules(() => nextState(evaluation.state, 'dispute'));
      underReviewRules(() => assertCanDispute(new Date(), evaluation.disputeDeadline!));
      await this.checkCriteria(evaluation, command.criteria);
      const role = disputeRouting === 'dispute_team' ? UserRole.DisputeTeam : UserRole.QaSupervisor;
      const assigneeId = await this.leastBusy(manager, role, evaluation);
      const dispute = manager.create(EvaluationDisputeEntity, {
        evaluationId,
        raisedBy: principal.id,
        criteria: [...new Set(command.criteria)],
        reason: command.reason.trim(),
        status: 'open',
        assigneeId,
      });
      await manager.insert(EvaluationDisputeEntity, dispute);
      evaluation.state = state as EvaluationEntity['state'];
      await manager.update(EvaluationEntity, { id: evaluation.id }, { state: evaluation.state });
      await appendEvent(manager, evaluation.id, 'disputed', principal.id, {
        disputeId: dispute.id,
        criteria: dispute.criteria,
        reason: dispute.reason,
        assigneeId,
      });
      return { evaluation, dispute };
    });
    await this.notifier.stateChanged(result.evaluation);
    return result;
  }

  private async checkCriteria(evaluation: EvaluationEntity, criteria: string[]) {
    const { definition } = await this.scorecards.getVersionById(evaluation.scorecardVersionId);
    const known = new Set(definition.sections.flatMap((s) => s.criteria.map((c) => c.id)));
    const errors: Record<string, string> = {};
    criteria.forEach((id, i) => {
      if (!known.has(id)) errors[`criteria[${i}]`] = `"${id}" is not a criterion of this evaluation's scorecard`;
    });
    if (Object.keys(errors).length > 0) throw DomainError.validation(errors);
  }

  /**
   * Active users of the role other than the original reviewer and the agent, fewest open disputes first;
   * the agent's own team supervisors come last. Null when nobody qualifies: any member of the role may take it.
   */
  private async leastBusy(manager: EntityManager, role: UserRole, evaluation: EvaluationEntity): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id
         FROM users u
         LEFT JOIN evaluation_disputes d ON d.assignee_id = u.id AND d.status = 'open'
         LEFT JOIN users agent ON agent.id = $3
         LEFT JOIN team_supervisors ts ON ts.team_id = agent.team_id AND ts.user_id = u.id
        WHERE u.role = $1 AND u.active AND u.id <> $2 AND u.id <> $3
        GROUP BY u.id, ts.user_id
        ORDER BY (ts.user_id IS NOT NULL), count(d.id), u.id
        LIMIT 1`,
      [role, evaluation.reviewerId, evaluation.agentId],
    );
    return rows[0]?.id ?? null;
  }
}
