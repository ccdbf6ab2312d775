import { JobsOptions } from 'bullmq';

/**
 * Queue and job names are a persisted contract: jobs with these names sit in Redis and in the outbox
 * table. Renaming one needs a migration plan.
 */
export enum QueueName {
  Transcription = 'transcription',
  Scoring = 'scoring',
}

export enum JobName {
  TranscribeRecording = 'transcribe-recording',
  ScoreRecording = 'score-recording',
  RescoreRecording = 'rescore-recording',
}

/** Payloads carry ids only: they are stored in clear text in Redis. */
export interface TranscribeRecordingJob {
  recordingId: string;
}

export interface ScoreRecordingJob {
  recordingId: string;
}

export interface JobPayloads {
  [JobName.TranscribeRecording]: TranscribeRecordingJob;
  [JobName.ScoreRecording]: ScoreRecordingJob;
  [JobName.RescoreRecording]: ScoreRecordingJob;
}

/** Deterministic, so the same work is never enqueued twice. (BullMQ refuses ':' in custom ids.) */
export const jobIdFor = (entityId: string, job: JobName) => `${entityId}.${job}`;

/** Retries, backoff and retention for every queue, in one place. */
export const JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  [QueueName.Transcription]: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  [QueueName.Scoring]: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
};
