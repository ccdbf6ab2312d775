import { UnrecoverableError } from 'bullmq';
import { assertEveryJobHandled, isFinalFailure } from './queue-processor';
import { JobName, jobOptions } from './queue-names';

const handling = (...jobs: JobName[]) => ({ handledJobs: () => jobs });

describe('assertEveryJobHandled', () => {
  it('lets a worker start when every registered job has a handler', () => {
    expect(() =>
      assertEveryJobHandled([
        handling(JobName.TranscribeRecording),
        handling(JobName.ScoreRecording, JobName.RescoreRecording),
        handling(JobName.RunScheduledSampling),
        handling(JobName.CheckComplaintDeadline),
        handling(JobName.PurgeExpiredRecordings),
      ]),
    ).not.toThrow();
  });

  it('refuses to start, naming the job and its queue, when a job has no handler', () => {
    expect(() =>
      assertEveryJobHandled([
        handling(JobName.TranscribeRecording),
        handling(JobName.ScoreRecording),
        handling(JobName.RunScheduledSampling),
        handling(JobName.CheckComplaintDeadline),
        handling(JobName.PurgeExpiredRecordings),
      ]),
    ).toThrow('No handler for job(s) rescore-recording (queue scoring)');
  });
});

describe('isFinalFailure', () => {
  const attempt = (attemptsMade: number, attempts?: number) => ({ attemptsMade, opts: attempts === undefined ? {} : { attempts } });

  it('is final once the attempts are spent, and not before', () => {
    expect(isFinalFailure(attempt(1, 3), new Error('busy'))).toBe(false);
    expect(isFinalFailure(attempt(3, 3), new Error('busy'))).toBe(true);
  });

  it('is final at once for an error no retry can fix, however it reached the listener', () => {
    expect(isFinalFailure(attempt(1, 3), new UnrecoverableError('no speech'))).toBe(true);
    const serialised = Object.assign(new Error('no speech'), { name: 'UnrecoverableError' });
    expect(isFinalFailure(attempt(1, 3), serialised)).toBe(true);
  });

  it('treats a job without an attempts option as tried once', () => {
    expect(isFinalFailure(attempt(1), new Error('busy'))).toBe(true);
  });
});

describe('jobOptions', () => {
  it('gives the transcription job the configured number of attempts, and other jobs the registry’s', () => {
    expect(jobOptions(JobName.TranscribeRecording, { transcriptionAttempts: 5 }).attempts).toBe(5);
    expect(jobOptions(JobName.ScoreRecording, { transcriptionAttempts: 5 }).attempts).toBe(3);
    expect(jobOptions(JobName.TranscribeRecording)).toMatchObject({ attempts: 3, backoff: { type: 'exponential', delay: 10_000 } });
  });
});
