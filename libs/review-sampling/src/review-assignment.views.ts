import { Page } from '@callgrade/contracts';
import { AssignmentStatus, ReviewAssignmentEntity } from '@callgrade/database';
import { describeAssignmentReason } from '@callgrade/sampling';

export interface ReviewAssignmentView {
  id: string;
  recordingId: string;
  agentId: string;
  agentName: string | null;
  reviewerId: string | null;
  reviewerName: string | null;
  planId: string | null;
  planName: string | null;
  runId: string | null;
  status: AssignmentStatus;
  /** The sampler's PickReason (or `{ kind: 'manual', note }`), as stored. */
  reason: object;
  alsoMatched: object[];
  /** The reason in words, e.g. "Random pick: stratum 3 of 8 (8–12 Jan)". */
  reasonText: string;
  call: { startedAt: Date | null; durationSec: number | null; externalId: string | null };
  createdAt: Date;
  updatedAt: Date;
}

export type ReviewAssignmentPage = Page<ReviewAssignmentView>;

/** The columns joined in beside an assignment, as read by ReviewAssignmentsService. */
export interface AssignmentJoins {
  agentName: string | null;
  reviewerName: string | null;
  planName: string | null;
  startedAt: Date | null;
  durationMs: number | null;
  externalId: string | null;
}

export function toAssignmentView(a: ReviewAssignmentEntity, joins: AssignmentJoins): ReviewAssignmentView {
  return {
    id: a.id,
    recordingId: a.recordingId,
    agentId: a.agentId,
    agentName: joins.agentName,
    reviewerId: a.reviewerId,
    reviewerName: joins.reviewerName,
    planId: a.planId,
    planName: joins.planName,
    runId: a.runId,
    status: a.status,
    reason: a.reason,
    alsoMatched: a.alsoMatched,
    reasonText: describeAssignmentReason(a.reason, a.alsoMatched),
    call: { startedAt: joins.startedAt, durationSec: joins.durationMs === null ? null : joins.durationMs / 1000, externalId: joins.externalId },
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
