import { EvaluationState } from './evaluation-state';
import { RecordingStatus } from './recording-status';

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
