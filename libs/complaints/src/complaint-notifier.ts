import { Injectable } from '@nestjs/common';
import { ComplaintEntity, UserRole } from '@callgrade/database';
import { EventPublisher } from '@callgrade/events';

/** Who hears about breaches and escalations live. */
const DISPUTE_TEAM_AUDIENCE = [UserRole.DisputeTeam, UserRole.Admin];

/** Live updates about complaints for the dispute team; published after the change is committed. Ids only. */
@Injectable()
export class ComplaintNotifier {
  constructor(private readonly events: EventPublisher) {}

  async breached(complaint: ComplaintEntity, kind: 'first_response' | 'resolution', dueAt: Date): Promise<void> {
    await this.events.publish(
      'complaint.breached',
      { complaintId: complaint.id, kind, dueAt: dueAt.toISOString(), severity: complaint.severity, state: complaint.state, version: complaint.version },
      { agentId: complaint.agentId, roles: DISPUTE_TEAM_AUDIENCE },
    );
  }

  async escalated(complaint: ComplaintEntity, reason: 'breach' | 'by_hand'): Promise<void> {
    await this.events.publish(
      'complaint.escalated',
      {
        complaintId: complaint.id,
        reason,
        severity: complaint.severity,
        resolutionDueAt: complaint.resolutionDueAt?.toISOString() ?? null,
        version: complaint.version,
      },
      { agentId: complaint.agentId, roles: DISPUTE_TEAM_AUDIENCE },
    );
  }
}
