import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorBody } from '@callgrade/contracts';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { DomainError as CodedError } from '@callgrade/errors';
import { ERROR_STATUS } from './domain-error';

export type { ErrorBody };

const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/**
 * Errors thrown by Express's body parsers (`http-errors`: a JSON body over the limit, malformed JSON,
 * an unknown charset) carry a 4xx `status` and `expose: true`; they are the client's to fix.
 */
function asExposedClientError(exception: unknown): ErrorBody | null {
  if (!(exception instanceof Error)) return null;
  const { status, expose, type } = exception as Error & { status?: unknown; expose?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) return null;
  const messages: Record<string, string> = {
    'entity.too.large': 'The request body is larger than the limit for this route',
    'entity.parse.failed': 'The request body is not valid JSON',
  };
  const message = (typeof type === 'string' && messages[type]) || exception.message;
  return { statusCode: status, code: HTTP_CODES[status] ?? `http_${status}`, message, ...(status === 413 && { errors: { body: 'too large' } }) };
}

/** Maps every error to `{statusCode, code, message, errors?}`; unexpected ones become a 500 with a correlation id. */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    const status = exception instanceof CodedError ? ERROR_STATUS[exception.code] : undefined;
    if (exception instanceof CodedError && status !== undefined) {
      const errors = exception.fieldErrors;
      return { statusCode: status, code: exception.code, message: exception.message, ...(errors && { errors }) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const detail = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      // Nest's own exceptions carry a string or, from validation, a list of strings; anything else would print as [object Object].
      const message = typeof detail === 'string' ? detail : Array.isArray(detail) ? detail.join(',') : exception.message;
      return { statusCode: status, code: HTTP_CODES[status] ?? `http_${status}`, message };
    }
    const clientError = asExposedClientError(exception);
    if (clientError) return clientError;
    const correlationId = randomUUID();
    this.logger.error(`Unexpected error ${correlationId}`, exception instanceof Error ? exception.stack : String(exception));
    return { statusCode: 500, code: 'internal_error', message: `Something went wrong on our side; quote ${correlationId} when reporting it`, correlationId };
  }
}
