export enum SamplingErrorCode {
  InvalidPeriod = 'sampling.invalid_period',
  InvalidQuota = 'sampling.invalid_quota',
  InvalidMinDuration = 'sampling.invalid_min_duration',
  InvalidRule = 'sampling.invalid_rule',
  DuplicateRuleId = 'sampling.duplicate_rule_id',
  DuplicateCallId = 'sampling.duplicate_call_id',
}

export class SamplingError extends Error {
  constructor(
    readonly code: SamplingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SamplingError';
  }
}
