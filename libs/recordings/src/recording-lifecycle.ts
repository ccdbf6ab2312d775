import { RecordingStatus } from '@callgrade/contracts';
import { DomainError } from '@callgrade/errors';

/** What happens to a recording; each moves it from some statuses to one other. */
export type RecordingAction =
  | 'queue'
  | 'start_transcription'
  | 'retry_attempt'
  | 'finish_transcription'
  | 'fail_transcription'
  | 'retry_transcription'
  | 'recover_lost_job'
  | 'start_scoring'
  | 'finish_scoring'
  | 'fail_scoring';

const { Received, Queued, Transcribing, Transcribed, Scoring, Scored, Failed } = RecordingStatus;

/**
 * The only moves a recording's status may make. Every write of `recordings.status` after the upload
 * goes through this table (see `RecordingLifecycle`).
 */
const TRANSITIONS: Readonly<Record<RecordingStatus, Readonly<Partial<Record<RecordingAction, RecordingStatus>>>>> = {
  // The worker may take the job before the relay's transaction that marks it `queued` commits.
  // retry_transcription: an admin's retry of a call stuck past the time limit; recover_lost_job: its job was lost from Redis.
  [Received]: {
    queue: Queued,
    start_transcription: Transcribing,
    retry_attempt: Queued,
    fail_transcription: Failed,
    retry_transcription: Received,
    recover_lost_job: Received,
  },
  [Queued]: { start_transcription: Transcribing, retry_attempt: Queued, fail_transcription: Failed, retry_transcription: Received, recover_lost_job: Received },
  // start_transcription again: a crashed worker's job taken up once its lock expired.
  [Transcribing]: {
    start_transcription: Transcribing,
    finish_transcription: Transcribed,
    retry_attempt: Queued,
    fail_transcription: Failed,
    retry_transcription: Received,
    recover_lost_job: Received,
  },
  [Transcribed]: { start_scoring: Scoring, fail_scoring: Failed },
  [Scoring]: { start_scoring: Scoring, finish_scoring: Scored, fail_scoring: Failed },
  // A re-score requested by an admin.
  [Scored]: { start_scoring: Scoring },
  // retry_transcription: an admin's retry. start_*: a failed job retried from the queue dashboard, or a re-score.
  [Failed]: { retry_transcription: Received, start_transcription: Transcribing, start_scoring: Scoring },
};

const STATUS_ORDER: readonly RecordingStatus[] = [Received, Queued, Transcribing, Transcribed, Scoring, Scored, Failed];
/** Every action, in pipeline order. */
export const RECORDING_ACTIONS: readonly RecordingAction[] = [
  'queue',
  'start_transcription',
  'retry_attempt',
  'finish_transcription',
  'fail_transcription',
  'retry_transcription',
  'recover_lost_job',
  'start_scoring',
  'finish_scoring',
  'fail_scoring',
];

export class IllegalRecordingMoveError extends DomainError {
  constructor(
    readonly status: RecordingStatus,
    readonly action: RecordingAction,
  ) {
    const allowed = allowedRecordingActions(status);
    super(
      'illegal_transition',
      `cannot ${action.replace(/_/g, ' ')} a recording that is ${status}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}`,
    );
  }
}

/** The status a recording has when its upload commits: a supplied transcript skips transcription. */
export function initialRecordingStatus(transcriptSupplied: boolean): RecordingStatus {
  return transcriptSupplied ? Transcribed : Received;
}

/** @throws IllegalRecordingMoveError when the action is not allowed in that status. */
export function nextRecordingStatus(status: RecordingStatus, action: RecordingAction): RecordingStatus {
  const next = TRANSITIONS[status]?.[action];
  if (next === undefined) throw new IllegalRecordingMoveError(status, action);
  return next;
}

export function allowedRecordingActions(status: RecordingStatus): RecordingAction[] {
  const transitions = TRANSITIONS[status] ?? {};
  return RECORDING_ACTIONS.filter((action) => action in transitions);
}

/** Every (from, to) pair an action may make, for a guarded UPDATE. */
export function recordingMoves(action: RecordingAction): { from: RecordingStatus; to: RecordingStatus }[] {
  return STATUS_ORDER.flatMap((from) => {
    const to = TRANSITIONS[from][action];
    return to === undefined ? [] : [{ from, to }];
  });
}
