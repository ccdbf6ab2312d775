import type { ClientEventMap, ClientEventName, UserRole } from '@callgrade/contracts';

export type { ClientEventMap, ClientEventName } from '@callgrade/contracts';

/** What travels between publishers (API, worker) and the gateway, over Redis. */
export interface PublishedEvent<E extends ClientEventName = ClientEventName> {
  name: E;
  payload: ClientEventMap[E];
  /** Agents receive only events about their own calls; staff roles receive all, unless `agentOnly`; with `roles`, only those roles. */
  audience: { agentId: string; agentOnly?: boolean; roles?: UserRole[] };
}

export const EVENTS_CHANNEL = 'callgrade:events';
