import { EvaluationState, RecordingStatus, UserRole } from '@callgrade/database';

/** Every event clients can receive over socket.io, with its payload. Ids only, no personal data. */
export interface ClientEventMap {
  'recording.status': { recordingId: string; agentId: string; status: RecordingStatus; failureReason: string | null };
  /** A submitted or amended evaluation; sent to the evaluated agent only. */
  'evaluation.published': {
    evaluationId: string;
    recordingId: string;
    agentId: string;
    revision: number;
    percent: number | null;
    criticalFailed: boolean;
    disputeDeadline: string | null;
  };
  'evaluation.state': { evaluationId: string; agentId: string; state: EvaluationState; revision: number };
  /** A complaint missed a deadline; to the dispute team. */
  'complaint.breached': { complaintId: string; kind: 'first_response' | 'resolution'; dueAt: string; severity: string; state: string; version: number };
  /** A complaint was escalated, by hand or by a breach; to the dispute team. */
  'complaint.escalated': { complaintId: string; reason: 'breach' | 'by_hand'; severity: string; resolutionDueAt: string | null; version: number };
}

export type ClientEventName = keyof ClientEventMap;

/** What travels between publishers (API, worker) and the gateway, over Redis. */
export interface PublishedEvent<E extends ClientEventName = ClientEventName> {
  name: E;
  payload: ClientEventMap[E];
  /** Agents receive only events about their own calls; staff roles receive all, unless `agentOnly`; with `roles`, only those roles. */
  audience: { agentId: string; agentOnly?: boolean; roles?: UserRole[] };
}

export const EVENTS_CHANNEL = 'callgrade:events';
