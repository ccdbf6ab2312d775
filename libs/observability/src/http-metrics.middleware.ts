import type { NextFunction, Request, Response } from 'express';
import { CallgradeMetrics } from './metrics';
import { requestIdOf, runWithRequestId } from './request-context';

const UPLOAD_ROUTE = '/api/v1/recordings';

/** 202: a new call; 200: the same call sent again; anything else: refused. */
function uploadOutcome(status: number): 'accepted' | 'duplicate' | 'refused' {
  if (status === 202) return 'accepted';
  if (status === 200) return 'duplicate';
  return 'refused';
}

/**
 * Gives every request its id (header `X-Request-Id`, echoed back) for the logs and the jobs it causes,
 * and times it by route template, so `/recordings/:id` is one series whatever the id.
 */
export function observeRequests(metrics: CallgradeMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdOf(req as Request & { id?: unknown });
    res.setHeader('X-Request-Id', requestId);
    const stop = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${(req.route as { path: string }).path}` : 'unmatched';
      stop({ method: req.method, route, status_code: String(res.statusCode) });
      if (req.method === 'POST' && route === UPLOAD_ROUTE) metrics.uploads.inc({ outcome: uploadOutcome(res.statusCode) });
    });
    runWithRequestId(requestId, 'http', next);
  };
}
