import { RecordingStatus } from '@callgrade/contracts';
import {
  allowedRecordingActions,
  IllegalRecordingMoveError,
  initialRecordingStatus,
  nextRecordingStatus,
  RECORDING_ACTIONS,
  RecordingAction,
  recordingMoves,
} from './recording-lifecycle';

const STATUSES: string[] = ['received', 'queued', 'transcribing', 'transcribed', 'scoring', 'scored', 'failed'];

// Written out by hand from the pipeline described in the README, not read from the table under test.
const LEGAL: [string, RecordingAction, string][] = [
  ['received', 'queue', 'queued'],
  ['received', 'start_transcription', 'transcribing'],
  ['received', 'retry_attempt', 'queued'],
  ['received', 'fail_transcription', 'failed'],
  ['received', 'retry_transcription', 'received'],
  ['received', 'recover_lost_job', 'received'],
  ['queued', 'start_transcription', 'transcribing'],
  ['queued', 'retry_attempt', 'queued'],
  ['queued', 'fail_transcription', 'failed'],
  ['queued', 'retry_transcription', 'received'],
  ['queued', 'recover_lost_job', 'received'],
  ['transcribing', 'start_transcription', 'transcribing'],
  ['transcribing', 'finish_transcription', 'transcribed'],
  ['transcribing', 'retry_attempt', 'queued'],
  ['transcribing', 'fail_transcription', 'failed'],
  ['transcribing', 'retry_transcription', 'received'],
  ['transcribing', 'recover_lost_job', 'received'],
  ['transcribed', 'start_scoring', 'scoring'],
  ['transcribed', 'fail_scoring', 'failed'],
  ['scoring', 'start_scoring', 'scoring'],
  ['scoring', 'finish_scoring', 'scored'],
  ['scoring', 'fail_scoring', 'failed'],
  ['scored', 'start_scoring', 'scoring'],
  ['failed', 'retry_transcription', 'received'],
  ['failed', 'start_transcription', 'transcribing'],
  ['failed', 'start_scoring', 'scoring'],
];

const ILLEGAL = STATUSES.flatMap((status) =>
  RECORDING_ACTIONS.filter((action) => !LEGAL.some(([from, via]) => from === status && via === action)).map((action) => ({
    status: status as RecordingStatus,
    action,
  })),
);

describe('nextRecordingStatus', () => {
  it.each(LEGAL)('moves %s --%s--> %s', (status, action, expected) => {
    expect(nextRecordingStatus(status as RecordingStatus, action)).toBe(expected);
  });

  it('covers every one of the 70 status and action pairs between the two lists', () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(70);
  });

  it.each(ILLEGAL)('refuses to $action a recording that is $status', ({ status, action }) => {
    expect(() => nextRecordingStatus(status, action)).toThrow(IllegalRecordingMoveError);
  });

  it('says in words what was refused and what is allowed instead', () => {
    let error: unknown;
    try {
      nextRecordingStatus(RecordingStatus.Scored, 'finish_transcription');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IllegalRecordingMoveError);
    expect((error as IllegalRecordingMoveError).code).toBe('illegal_transition');
    expect((error as Error).message).toBe('cannot finish transcription a recording that is scored; allowed: start_scoring');
  });

  it('moves a recording back to received only by an admin retry or the recovery of a job lost from Redis, never once transcribed', () => {
    const intoReceived = LEGAL.filter(([, , to]) => to === 'received').map(([from, via]) => `${from} ${via}`);
    expect(intoReceived.sort()).toEqual(
      [
        'failed retry_transcription',
        'queued recover_lost_job',
        'queued retry_transcription',
        'received recover_lost_job',
        'received retry_transcription',
        'transcribing recover_lost_job',
        'transcribing retry_transcription',
      ].sort(),
    );
    expect(recordingMoves('retry_transcription').map((m) => m.from)).toEqual(['received', 'queued', 'transcribing', 'failed']);
  });
});

describe('allowedRecordingActions', () => {
  it('lists what may happen to a scored recording: only a re-score', () => {
    expect(allowedRecordingActions(RecordingStatus.Scored)).toEqual(['start_scoring']);
  });

  it('lists the transcription actions of a queued recording in pipeline order', () => {
    expect(allowedRecordingActions(RecordingStatus.Queued)).toEqual([
      'start_transcription',
      'retry_attempt',
      'fail_transcription',
      'retry_transcription',
      'recover_lost_job',
    ]);
  });
});

describe('recordingMoves', () => {
  it('gives the guarded UPDATE of a scoring failure the two statuses scoring may fail from', () => {
    expect(recordingMoves('fail_scoring')).toEqual([
      { from: 'transcribed', to: 'failed' },
      { from: 'scoring', to: 'failed' },
    ]);
  });

  it('queues only recordings that were just received', () => {
    expect(recordingMoves('queue')).toEqual([{ from: 'received', to: 'queued' }]);
  });
});

describe('initialRecordingStatus', () => {
  it('starts an upload at received, or at transcribed when the phone system sent its own transcript', () => {
    expect(initialRecordingStatus(false)).toBe('received');
    expect(initialRecordingStatus(true)).toBe('transcribed');
  });
});
