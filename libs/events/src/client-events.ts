import { EvaluationState, RecordingStatus } from '@callgrade/database';

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
}

export type ClientEventName = keyof ClientEventMap;

/** What travels between publishers (API, worker) and the gateway, over Redis. */
export interface PublishedEvent<E extends ClientEventName = ClientEventName> {
  name: E;
  payload: ClientEventMap[E];
  /** Agents receive only events about their own calls; staff roles receive all, unless `agentOnly`. */
  audience: { agentId: string; agentOnly?: boolean };
}

export const EVENTS_CHANNEL = 'callgrade:events';
