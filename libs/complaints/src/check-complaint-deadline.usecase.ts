import { Injectable } from '@nestjs/common';
import { allowedComplaintMoves, DeadlineKind, nextComplaintState } from '@callgrade/complaint-rules';
import { ComplaintEntity } from '@callgrade/database';
import { DataSource } from 'typeorm';
import { ComplaintNotifier } from './complaint-notifier';
import { saveComplaintChange } from './complaint-store';

export type DeadlineCheck = 'breached' | 'met' | 'not-due' | 'already-breached';

/** The deadline's due time, and whether it still waits to be met; null when the complaint has none of that kind. */
function pendingDeadline(complaint: ComplaintEntity, kind: DeadlineKind): { dueAt: Date; pending: boolean; breached: boolean } | null {
  if (kind === 'first_response') {
    if (!complaint.firstResponseDueAt) return null;
    return {
      dueAt: complaint.firstResponseDueAt,
      pending: !complaint.firstRespondedAt && !complaint.resolvedAt,
      breached: !!complaint.firstResponseBreachedAt,
    };
  }
  if (!complaint.resolutionDueAt) return null;
  return { dueAt: complaint.resolutionDueAt, pending: !complaint.resolvedAt, breached: !!complaint.resolutionBreachedAt };
}

/**
 * A complaint's deadline falls due: unless it was met meanwhile, the breach is marked and the complaint
 * escalated (if it is not already), and the dispute team is told. Safe to run any number of times, by a
 * timer or by the sweep: a breach is marked once.
 */
@Injectable()
export class CheckComplaintDeadline {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: ComplaintNotifier,
  ) {}

  async execute(complaintId: string, kind: DeadlineKind, now = new Date()): Promise<DeadlineCheck> {
    const result = await this.dataSource.transaction(async (manager) => {
      const complaint = await manager.findOne(ComplaintEntity, { where: { id: complaintId }, lock: { mode: 'pessimistic_write' } });
      if (!complaint) return { outcome: 'met' as const };
      const deadline = pendingDeadline(complaint, kind);
      if (!deadline || !deadline.pending) return { outcome: 'met' as const };
      if (deadline.breached) return { outcome: 'already-breached' as const };
      if (deadline.dueAt.getTime() > now.getTime()) return { outcome: 'not-due' as const };
      const from = complaint.state;
      const escalate = from !== 'escalated' && allowedComplaintMoves(from, 'system').includes('escalate');
      const fields: Partial<ComplaintEntity> = kind === 'first_response' ? { firstResponseBreachedAt: now } : { resolutionBreachedAt: now };
      if (escalate) Object.assign(fields, { state: nextComplaintState(from, 'escalate', 'system'), escalatedAt: now });
      const changes = {
        [kind === 'first_response' ? 'firstResponseBreachedAt' : 'resolutionBreachedAt']: { from: null, to: now },
        ...(escalate && { state: { from, to: 'escalated' } }),
      };
      await saveComplaintChange(manager, complaint, fields, {
        type: 'breached',
        actor: 'system',
        fromState: from,
        toState: escalate ? 'escalated' : from,
        changes,
        note: `${kind === 'first_response' ? 'First response' : 'Resolution'} deadline ${deadline.dueAt.toISOString()} missed / 未在期限内${kind === 'first_response' ? '首次响应' : '解决'}`,
      });
      return { outcome: 'breached' as const, complaint, escalated: escalate, dueAt: deadline.dueAt };
    });
    if (result.outcome === 'breached') {
      await this.notifier.breached(result.complaint, kind, result.dueAt);
      if (result.escalated) await this.notifier.escalated(result.complaint, 'breach');
    }
    return result.outcome;
  }
}
