import { allowedComplaintMoves, ComplaintActor, maskCustomerReference } from '@callgrade/complaint-rules';
import { ComplaintCategoryEntity, ComplaintEntity, ComplaintEventEntity } from '@callgrade/database';

export interface CategoryView {
  id: string;
  key: string;
  labelEn: string;
  labelZh: string;
}

export const categoryView = (c: ComplaintCategoryEntity | undefined | null): CategoryView | null =>
  c ? { id: c.id, key: c.key, labelEn: c.labelEn, labelZh: c.labelZh } : null;

/** Which deadlines have passed unmet (marked or not yet marked by the timer). */
export function overdueOf(
  c: Pick<ComplaintEntity, 'firstResponseDueAt' | 'firstRespondedAt' | 'firstResponseBreachedAt' | 'resolutionDueAt' | 'resolvedAt' | 'resolutionBreachedAt'>,
  now: Date,
): ('first_response' | 'resolution')[] {
  const overdue: ('first_response' | 'resolution')[] = [];
  const late = (due: Date | null, met: Date | null) => !!due && (met ? met > due : due <= now);
  if (c.firstResponseBreachedAt || late(c.firstResponseDueAt, c.firstRespondedAt ?? c.resolvedAt)) overdue.push('first_response');
  if (c.resolutionBreachedAt || late(c.resolutionDueAt, c.resolvedAt)) overdue.push('resolution');
  return overdue;
}

/** A complaint in a list or export: the customer's reference masked, always. */
export function complaintSummary(c: ComplaintEntity, category: ComplaintCategoryEntity | undefined, now = new Date()) {
  return {
    id: c.id,
    externalId: c.externalId,
    state: c.state,
    version: c.version,
    channel: c.channel,
    severity: c.severity,
    category: categoryView(category),
    customerReference: c.customerReference === null ? null : maskCustomerReference(c.customerReference),
    recordingId: c.recordingId,
    agentId: c.agentId,
    teamId: c.teamId,
    assigneeId: c.assigneeId,
    receivedAt: c.receivedAt,
    firstResponseDueAt: c.firstResponseDueAt,
    resolutionDueAt: c.resolutionDueAt,
    firstRespondedAt: c.firstRespondedAt,
    resolvedAt: c.resolvedAt,
    firstResponseBreachedAt: c.firstResponseBreachedAt,
    resolutionBreachedAt: c.resolutionBreachedAt,
    overdue: overdueOf(c, now),
    outcome: c.outcome,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export const eventView = (e: ComplaintEventEntity) => ({
  type: e.type,
  actorType: e.actorType,
  actorId: e.actorId,
  fromState: e.fromState,
  toState: e.toState,
  changes: e.changes,
  note: e.note,
  version: e.version,
  at: e.at,
});

/** The full case for staff: the reference in full only when `showReference`; the moves this caller may make. */
export function complaintDetail(
  c: ComplaintEntity,
  category: ComplaintCategoryEntity | undefined,
  events: ComplaintEventEntity[],
  actor: ComplaintActor,
  showReference: boolean,
) {
  return {
    ...complaintSummary(c, category),
    customerReference: showReference ? c.customerReference : c.customerReference === null ? null : maskCustomerReference(c.customerReference),
    description: c.description,
    escalatedAt: c.escalatedAt,
    closedAt: c.closedAt,
    remedy: c.remedy,
    customerTold: c.customerTold,
    agentAccount: c.agentAccount,
    agentAccountAt: c.agentAccountAt,
    allowedMoves: allowedComplaintMoves(c.state, actor),
    history: events.map(eventView),
  };
}

/** What the agent sees of an upheld complaint about their call: never the customer's reference. */
export function complaintForAgent(c: ComplaintEntity, category: ComplaintCategoryEntity | undefined) {
  return {
    id: c.id,
    state: c.state,
    channel: c.channel,
    severity: c.severity,
    category: categoryView(category),
    recordingId: c.recordingId,
    receivedAt: c.receivedAt,
    description: c.description,
    outcome: c.outcome,
    remedy: c.remedy,
    resolvedAt: c.resolvedAt,
    agentAccount: c.agentAccount,
  };
}
