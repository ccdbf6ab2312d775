import { IllegalRecordingMoveError } from '@callgrade/recordings';
import { RecordingStatus } from '@callgrade/contracts';
import { DomainError as CodedError } from '@callgrade/errors';
import { SamplingError, SamplingErrorCode } from '@callgrade/sampling';
import { DomainError, ErrorCode } from './domain-error';
import { ErrorResponseFilter } from './error-response.filter';

describe('error body of a coded error', () => {
  const sut = new ErrorResponseFilter();

  it('answers 409 to an illegal move of any lib, with its code and message', () => {
    expect(sut.toBody(new IllegalRecordingMoveError(RecordingStatus.Scored, 'retry_transcription'))).toEqual({
      statusCode: 409,
      code: 'illegal_transition',
      message: 'cannot retry transcription a recording that is scored; allowed: start_scoring',
    });
  });

  it('answers 422 to a pure lib validation error, naming its fields', () => {
    const error = new SamplingError(SamplingErrorCode.InvalidRule, 'rule "low" (low_csat): threshold must be a finite number, got NaN', [
      { field: 'threshold', problem: 'must be a finite number, got NaN' },
    ]);
    expect(sut.toBody(error)).toEqual({
      statusCode: 422,
      code: 'sampling.invalid_rule',
      message: 'rule "low" (low_csat): threshold must be a finite number, got NaN',
      errors: { threshold: 'must be a finite number, got NaN' },
    });
  });

  it('keeps the body of the services’ own errors', () => {
    expect(sut.toBody(DomainError.validation({ ids: 'give recording ids' }))).toEqual({
      statusCode: 422,
      code: ErrorCode.ValidationFailed,
      message: 'The request is invalid: ids give recording ids',
      errors: { ids: 'give recording ids' },
    });
  });

  it('answers 500 with a correlation id to a code the table does not know', () => {
    const body = sut.toBody(new CodedError('nobody_mapped_this', 'secret detail'));
    expect(body).toMatchObject({ statusCode: 500, code: 'internal_error' });
    expect(body.message).not.toContain('secret detail');
  });
});
