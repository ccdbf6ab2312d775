import { RecordingStatus } from '@callgrade/database';

/** Every event clients can receive over socket.io, with its payload. Ids only, no personal data. */
export interface ClientEventMap {
  'recording.status': { recordingId: string; agentId: string; status: RecordingStatus; failureReason: string | null };
}

export type ClientEventName = keyof ClientEventMap;

/** What travels between publishers (API, worker) and the gateway, over Redis. */
export interface PublishedEvent<E extends ClientEventName = ClientEventName> {
  name: E;
  payload: ClientEventMap[E];
  /** Agents receive only events about their own calls; staff roles receive all. */
  audience: { agentId: string };
}

export const EVENTS_CHANNEL = 'callgrade:events';
