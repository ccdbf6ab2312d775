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

export const ERROR_STATUS: Record<ErrorCode, number> = {
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
};

/** An error the client can act on. `errors` maps a field to what is wrong with it. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }

  static validation(errors: Record<string, string>, message = 'The request is invalid'): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, `${message}: ${Object.entries(errors).map(([f, p]) => `${f} ${p}`).join('; ')}`, errors);
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`);
  }
}
