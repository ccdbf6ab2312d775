import { Principal } from '@callgrade/auth';
import { ComplaintActor, isVisibleToAgent } from '@callgrade/complaint-rules';
import { ComplaintEntity, UserRole } from '@callgrade/database';
import { DomainError } from '@callgrade/http';

/** Staff who read every complaint. Agents read only their own, once upheld. */
export const COMPLAINT_READERS = [UserRole.Admin, UserRole.QaSupervisor, UserRole.DisputeTeam, UserRole.Trainer];
/** Who logs complaints (API keys too) and works them. */
export const COMPLAINT_HANDLERS = [UserRole.Admin, UserRole.QaSupervisor, UserRole.DisputeTeam];
/** Who works the dispute inbox. */
export const DISPUTE_INBOX_ROLES = [UserRole.Admin, UserRole.DisputeTeam, UserRole.QaSupervisor];

export function actorOf(principal: Principal): ComplaintActor {
  return principal.kind === 'api_key' ? 'api_key' : principal.role;
}

/** The customer's reference in full is for the dispute team and admins; everyone else sees it masked. */
export function seesCustomerReference(principal: Principal): boolean {
  return principal.kind === 'user' && (principal.role === UserRole.DisputeTeam || principal.role === UserRole.Admin);
}

/** Not found rather than forbidden, so agents cannot learn which complaints exist. */
export function assertCanRead(principal: Principal, complaint: ComplaintEntity): void {
  if (principal.kind === 'api_key') {
    if (complaint.createdByApiKey !== principal.id) throw DomainError.notFound(`Complaint ${complaint.id}`);
    return;
  }
  if (principal.role !== UserRole.Agent) return;
  if (complaint.agentId !== principal.id || !isVisibleToAgent(complaint.state, complaint.outcome)) throw DomainError.notFound(`Complaint ${complaint.id}`);
}
