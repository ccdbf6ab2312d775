import { setTimeout as sleep } from 'node:timers/promises';
import { loggingParams } from './logging.module';
import { currentRequestId, requestIdOf, runWithRequestId } from './request-context';

describe('request ids', () => {
  it("keeps a caller's plain X-Request-Id and makes a UUID for a missing or odd one, once per request", () => {
    const given = { headers: { 'x-request-id': 'lb-7f3a.42:1' } };
    const odd = { headers: { 'x-request-id': 'has spaces and\nnew lines' } };
    const none = { headers: {} };

    expect(requestIdOf(given)).toBe('lb-7f3a.42:1');
    expect(requestIdOf(odd)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestIdOf(none)).toBe(requestIdOf(none));
    expect(requestIdOf({ headers: { 'x-request-id': 'x'.repeat(129) } })).not.toBe('x'.repeat(129));
  });

  it('follows the work across awaits, and not outside it', async () => {
    const seen = await runWithRequestId('req-1', 'http', async () => {
      await sleep(1);
      return currentRequestId();
    });

    expect(seen).toBe('req-1');
    expect(currentRequestId()).toBeUndefined();
    expect(runWithRequestId(undefined, 'job', () => currentRequestId())).toBeUndefined();
    expect(runWithRequestId('req-1', 'http', () => runWithRequestId(undefined, 'job', () => currentRequestId()))).toBeUndefined();
  });

  it('writes the request id on every log line of a job the request caused', () => {
    const options = loggingParams({ logLevel: 'log', logFormat: 'json' }).pinoHttp as { mixin: () => object; level: string };

    expect(options.level).toBe('info');
    expect(runWithRequestId('req-2', 'job', () => options.mixin())).toEqual({ requestId: 'req-2' });
    // In an HTTP request the request's own logger has the id already: writing it twice would repeat the key.
    expect(runWithRequestId('req-3', 'http', () => options.mixin())).toEqual({});
    expect(loggingParams({ logLevel: 'verbose', logFormat: 'text' }).pinoHttp).toMatchObject({ level: 'silent' });
  });
});
