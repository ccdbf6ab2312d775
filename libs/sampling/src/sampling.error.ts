import { DomainError, Issue } from '@callgrade/errors';

export enum SamplingErrorCode {
  InvalidPeriod = 'sampling.invalid_period',
  InvalidQuota = 'sampling.invalid_quota',
  InvalidMinDuration = 'sampling.invalid_min_duration',
  InvalidRule = 'sampling.invalid_rule',
  DuplicateRuleId = 'sampling.duplicate_rule_id',
  DuplicateCallId = 'sampling.duplicate_call_id',
}

export class SamplingError extends DomainError {
  constructor(
    override readonly code: SamplingErrorCode,
    message: string,
    issues: readonly Issue[] = [],
  ) {
    super(code, message, issues);
  }
}
