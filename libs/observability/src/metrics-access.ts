import { timingSafeEqual } from 'node:crypto';

export interface MetricsRequest {
  /** The `Authorization` header, if any. */
  authorization?: string;
  remoteAddress?: string;
  /** Whether the request came through a proxy (`Forwarded` or `X-Forwarded-For` present). */
  proxied: boolean;
}

export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may read /metrics. With METRICS_TOKEN set: whoever sends `Authorization: Bearer <token>`, from
 * anywhere. Without it: only this machine, and not through a proxy (a proxy on the same machine would
 * otherwise open the metrics to everyone it serves).
 */
export function metricsAccess(request: MetricsRequest, token: string | undefined): MetricsAccess {
  if (token) {
    const given = /^Bearer (.+)$/i.exec(request.authorization ?? '')?.[1] ?? '';
    if (sameSecret(given, token)) return { allowed: true };
    return { allowed: false, status: 401, message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>' };
  }
  if (!request.proxied && LOOPBACK.has(request.remoteAddress ?? '')) return { allowed: true };
  return { allowed: false, status: 403, message: 'Metrics are served to this machine only; set METRICS_TOKEN to let a Prometheus elsewhere read them' };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
