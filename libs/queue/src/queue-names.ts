import { JobsOptions } from 'bullmq';

/**
 * Queue and job names are a persisted contract: jobs with these names sit in Redis and in the outbox
 * table. Renaming one needs a migration plan.
 */
export enum QueueName {
  Transcription = 'transcription',
  Scoring = 'scoring',
  ReviewSampling = 'review-sampling',
  ComplaintDeadlines = 'complaint-deadlines',
  Retention = 'retention',
}

export enum JobName {
  TranscribeRecording = 'transcribe-recording',
  ScoreRecording = 'score-recording',
  RescoreRecording = 'rescore-recording',
  RunScheduledSampling = 'run-scheduled-sampling',
  CheckComplaintDeadline = 'check-complaint-deadline',
  PurgeExpiredRecordings = 'purge-expired-recordings',
}

/** Payloads carry ids only: they are stored in clear text in Redis. */
export interface TranscribeRecordingJob {
  recordingId: string;
}

export interface ScoreRecordingJob {
  recordingId: string;
}

/** One tick of the sampling schedule: every plan with scheduleEnabled, or only `planId`. */
export interface RunScheduledSamplingJob {
  planId?: string;
}

/** A complaint's deadline falls due: mark the breach (and escalate) unless it was met meanwhile. */
export interface CheckComplaintDeadlineJob {
  complaintId: string;
  kind: 'first_response' | 'resolution';
  /** ISO 8601; a job for a deadline that has since moved does nothing. */
  dueAt: string;
}
/** One tick of the retention schedule: delete whatever the retention settings say is due. */
export type PurgeExpiredRecordingsJob = Record<string, never>;

export interface JobPayloads {
  [JobName.TranscribeRecording]: TranscribeRecordingJob;
  [JobName.ScoreRecording]: ScoreRecordingJob;
  [JobName.RescoreRecording]: ScoreRecordingJob;
  [JobName.RunScheduledSampling]: RunScheduledSamplingJob;
  [JobName.CheckComplaintDeadline]: CheckComplaintDeadlineJob;
  [JobName.PurgeExpiredRecordings]: PurgeExpiredRecordingsJob;
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
  // A tick is idempotent (one scheduled run per plan and period), so retrying a failed one is harmless.
  [QueueName.ReviewSampling]: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 1_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  // A check is idempotent (the breach is marked once, in PostgreSQL); the sweep repairs lost timers.
  [QueueName.ComplaintDeadlines]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  // Each recording is purged in its own transaction and re-checked first, so a retried tick only finishes the work.
  [QueueName.Retention]: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { age: 30 * 24 * 3600, count: 1_000 },
    removeOnFail: { age: 90 * 24 * 3600 },
  },
};
