import {
  AutoScoreEntity,
  EvaluationDisputeEntity,
  EvaluationEntity,
  EvaluationEventEntity,
  EvaluationRevisionEntity,
  RecordingEntity,
  ReviewAssignmentEntity,
  TranscriptEntity,
} from '@callgrade/database';
import { allowedActions } from '@callgrade/review-rules';
import { describeAssignmentReason } from '@callgrade/sampling';
import { Scorecard } from '@callgrade/scoring';

export interface EvaluationSummaryView {
  id: string;
  recordingId: string;
  agentId: string;
  reviewerId: string;
  state: EvaluationEntity['state'];
  revision: number;
  percent: number | null;
  criticalFailed: boolean | null;
  submittedAt: Date | null;
  disputeDeadline: Date | null;
  acknowledgedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const evaluationSummary = (e: EvaluationEntity): EvaluationSummaryView => ({
  id: e.id,
  recordingId: e.recordingId,
  agentId: e.agentId,
  reviewerId: e.reviewerId,
  state: e.state,
  revision: e.revision,
  percent: e.percent,
  criticalFailed: e.criticalFailed,
  submittedAt: e.submittedAt,
  disputeDeadline: e.disputeDeadline,
  acknowledgedAt: e.acknowledgedAt,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

export const revisionView = (r: EvaluationRevisionEntity) => ({
  revision: r.revision,
  answers: r.answers,
  overrides: r.overrides,
  comments: r.comments,
  summary: r.summary,
  breakdown: r.breakdown,
  percent: r.percent,
  criticalFailed: r.criticalFailed,
  authorId: r.authorId,
  reason: r.reason,
  createdAt: r.createdAt,
});

export const disputeView = (d: EvaluationDisputeEntity) => ({
  id: d.id,
  evaluationId: d.evaluationId,
  raisedBy: d.raisedBy,
  criteria: d.criteria,
  reason: d.reason,
  status: d.status,
  assigneeId: d.assigneeId,
  resolvedBy: d.resolvedBy,
  resolutionNote: d.resolutionNote,
  amendedRevision: d.amendedRevision,
  createdAt: d.createdAt,
  resolvedAt: d.resolvedAt,
});

export const eventView = (e: EvaluationEventEntity) => ({ type: e.type, actorId: e.actorId, detail: e.detail, at: e.at });

export interface EvaluationParts {
  evaluation: EvaluationEntity;
  scorecard: Scorecard;
  recording: RecordingEntity;
  assignment: ReviewAssignmentEntity | null;
  autoScore: AutoScoreEntity | null;
  transcript: TranscriptEntity | null;
  revisions: EvaluationRevisionEntity[];
  events: EvaluationEventEntity[];
  disputes: EvaluationDisputeEntity[];
  /** The draft is the reviewer's own work in progress; agents never see it. */
  includeDraft: boolean;
}

/**
 * Everything needed to evaluate a call or understand an evaluation: the call (audio and transcript
 * links; the audio is the redacted copy for everyone but admins), why it was picked, the auto-score
 * with its evidence, the scorecard, every revision with who changed what and why, and the history.
 */
export function evaluationDetail(p: EvaluationParts) {
  const base = `/api/v1/recordings/${p.recording.id}`;
  return {
    ...evaluationSummary(p.evaluation),
    allowedActions: allowedActions(p.evaluation.state),
    recording: {
      id: p.recording.id,
      externalId: p.recording.externalId,
      agentId: p.recording.agentId,
      startedAt: p.recording.startedAt,
      durationMs: p.recording.durationMs,
      direction: p.recording.direction,
      audioUrl: `${base}/audio`,
      transcriptUrl: `${base}/transcript`,
    },
    pickedBecause: p.assignment
      ? {
          assignmentId: p.assignment.id,
          planId: p.assignment.planId,
          runId: p.assignment.runId,
          reason: p.assignment.reason,
          alsoMatched: p.assignment.alsoMatched,
          reasonText: describeAssignmentReason(p.assignment.reason, p.assignment.alsoMatched),
        }
      : null,
    scorecardVersionId: p.evaluation.scorecardVersionId,
    scorecard: p.scorecard,
    autoScore: p.autoScore
      ? {
          id: p.autoScore.id,
          percent: p.autoScore.percent,
          criticalFailed: p.autoScore.criticalFailed,
          criteria: p.autoScore.criteria,
          createdAt: p.autoScore.createdAt,
        }
      : null,
    transcript: p.transcript ? { language: p.transcript.language, segments: p.transcript.segments, redactions: p.transcript.redactions } : null,
    draft: p.includeDraft ? p.evaluation.draft : undefined,
    current: p.revisions.length > 0 ? revisionView(p.revisions[p.revisions.length - 1]) : null,
    revisions: p.revisions.map(revisionView),
    disputes: p.disputes.map(disputeView),
    history: p.events.map(eventView),
  };
}
