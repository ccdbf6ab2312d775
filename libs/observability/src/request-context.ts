import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What caused the work under way: an HTTP request, or a job that a request caused. */
export interface RequestContext {
  requestId: string;
  source: 'http' | 'job';
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` with `requestId` as the current request id; without one, outside any request. */
export function runWithRequestId<T>(requestId: string | undefined, source: RequestContext['source'], work: () => T): T {
  return requestId ? storage.run({ requestId, source }, work) : storage.exit(work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

const CLIENT_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id of an incoming request: the caller's `X-Request-Id` when it is a plain token (so a proxy's id
 * can be followed through), a new UUID otherwise. Kept on the request, so every reader gets the same.
 */
export function requestIdOf(req: { id?: unknown; headers: Record<string, string | string[] | undefined> }): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && CLIENT_ID.test(given) ? given : randomUUID();
  req.id = id;
  return id;
}
