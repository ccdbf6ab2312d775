import { Principal } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { SelectQueryBuilder } from 'typeorm';

/**
 * Which recordings a principal may see: an agent only their own calls, an API key only what it
 * uploaded, auditors none (they read the audit log, not calls), QA roles and admins all of them.
 */
export function scopeRecordingsTo<T extends object>(qb: SelectQueryBuilder<T>, principal: Principal, alias = 'r'): SelectQueryBuilder<T> {
  if (principal.kind === 'api_key') return qb.andWhere(`${alias}.uploaded_by_api_key_id = :scopeKeyId`, { scopeKeyId: principal.id });
  if (principal.role === UserRole.Auditor) return qb.andWhere('false');
  if (principal.role === UserRole.Agent) return qb.andWhere(`${alias}.agent_id = :scopeAgentId`, { scopeAgentId: principal.id });
  return qb;
}
