import { DomainError as CodedError } from '@callgrade/errors';
import { SamplingErrorCode } from '@callgrade/sampling';

export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Unauthenticated = 'unauthenticated',
  InvalidCredentials = 'invalid_credentials',
  Forbidden = 'forbidden',
  UnsupportedMediaType = 'unsupported_media_type',
  UnprocessableAudio = 'unprocessable_audio',
  PayloadTooLarge = 'payload_too_large',
  RangeNotSatisfiable = 'range_not_satisfiable',
  ServiceUnavailable = 'service_unavailable',
  /** Existed, and was deleted for good (retention, erasure). */
  Gone = 'gone',
}

/** The one table from an error code, of any lib, to its HTTP status. A code missing here answers 500. */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  [ErrorCode.ValidationFailed]: 422,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.UnprocessableAudio]: 422,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.RangeNotSatisfiable]: 416,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Gone]: 410,
  illegal_transition: 409,
  [SamplingErrorCode.InvalidPeriod]: 422,
  [SamplingErrorCode.InvalidQuota]: 422,
  [SamplingErrorCode.InvalidMinDuration]: 422,
  [SamplingErrorCode.InvalidRule]: 422,
  [SamplingErrorCode.DuplicateRuleId]: 422,
  [SamplingErrorCode.DuplicateCallId]: 422,
} satisfies Record<ErrorCode, number> & Record<string, number>;

/** An error of the HTTP-facing services, with one of the codes above. `errors` maps a field to what is wrong with it. */
export class DomainError extends CodedError {
  constructor(
    override readonly code: ErrorCode,
    message: string,
    errors?: Record<string, string>,
  ) {
    super(
      code,
      message,
      Object.entries(errors ?? {}).map(([field, problem]) => ({ field, problem })),
    );
  }

  get errors(): Record<string, string> | undefined {
    return this.fieldErrors;
  }

  static validation(errors: Record<string, string>, message = 'The request is invalid'): DomainError {
    return new DomainError(
      ErrorCode.ValidationFailed,
      `${message}: ${Object.entries(errors)
        .map(([f, p]) => `${f} ${p}`)
        .join('; ')}`,
      errors,
    );
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`);
  }
}
