import { Principal, UserPrincipal } from '@callgrade/auth';
import { EvaluationEntity, EvaluationState, UserRole } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';

/** Roles that read every evaluation (the feedback loop's staff). */
export const EVALUATION_READERS = [UserRole.Admin, UserRole.QaSupervisor, UserRole.Trainer, UserRole.DisputeTeam];

export function asUser(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw new DomainError(ErrorCode.Forbidden, 'Evaluations are for people, not API keys');
  return principal;
}

/**
 * An agent sees only their own evaluations, and only once published (a draft is the reviewer's). Not
 * found rather than forbidden, so other agents' evaluations don't reveal that they exist.
 */
export function assertCanRead(principal: Principal, evaluation: EvaluationEntity): void {
  const user = asUser(principal);
  if (user.role !== UserRole.Agent) return;
  if (evaluation.agentId !== user.id || evaluation.state === EvaluationState.Draft) throw DomainError.notFound(`Evaluation ${evaluation.id}`);
}

export function assertIsTheReviewer(principal: Principal, evaluation: EvaluationEntity): void {
  const user = asUser(principal);
  if (evaluation.reviewerId !== user.id) {
    throw new DomainError(ErrorCode.Forbidden, 'Only the reviewer who started this evaluation may change it before it is submitted');
  }
}

export function assertIsTheAgent(principal: Principal, evaluation: EvaluationEntity): void {
  const user = asUser(principal);
  if (evaluation.agentId !== user.id) throw DomainError.notFound(`Evaluation ${evaluation.id}`);
}
