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

interface JobDefinition {
  queue: QueueName;
  attempts: number;
  backoff: { type: 'exponential' | 'fixed'; delay: number };
}

/**
 * Every job: the queue it runs on, how often it is tried and how long to wait between tries. The one
 * place retries are set; TRANSCRIPTION_ATTEMPTS overrides the transcription job's attempts.
 */
export const JOB_REGISTRY = {
  [JobName.TranscribeRecording]: { queue: QueueName.Transcription, attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
  [JobName.ScoreRecording]: { queue: QueueName.Scoring, attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
  [JobName.RescoreRecording]: { queue: QueueName.Scoring, attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
  // A tick is idempotent (one scheduled run per plan and period), so retrying a failed one is harmless.
  [JobName.RunScheduledSampling]: { queue: QueueName.ReviewSampling, attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
  // A check is idempotent (the breach is marked once, in PostgreSQL); the sweep repairs lost timers.
  [JobName.CheckComplaintDeadline]: { queue: QueueName.ComplaintDeadlines, attempts: 5, backoff: { type: 'exponential', delay: 5_000 } },
  // Each recording is purged in its own transaction and re-checked first, so a retried tick only finishes the work.
  [JobName.PurgeExpiredRecordings]: { queue: QueueName.Retention, attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
} as const satisfies Record<JobName, JobDefinition>;

/** The queue a job runs on, as a type: a job can only be enqueued on, and handled by, its own queue. */
export type QueueOf<J extends JobName> = (typeof JOB_REGISTRY)[J]['queue'];

/** The jobs that run on a queue. */
export type JobsOf<Q extends QueueName> = { [J in JobName]: QueueOf<J> extends Q ? J : never }[JobName];

/** Settings from the configuration that change a job's options. */
export interface JobSettings {
  transcriptionAttempts: number;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = { transcriptionAttempts: JOB_REGISTRY[JobName.TranscribeRecording].attempts };

const RETENTION: Record<QueueName, Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'>> = {
  [QueueName.Transcription]: { removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 }, removeOnFail: { age: 30 * 24 * 3600 } },
  [QueueName.Scoring]: { removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 }, removeOnFail: { age: 30 * 24 * 3600 } },
  [QueueName.ReviewSampling]: { removeOnComplete: { age: 7 * 24 * 3600, count: 1_000 }, removeOnFail: { age: 30 * 24 * 3600 } },
  [QueueName.ComplaintDeadlines]: { removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 }, removeOnFail: { age: 30 * 24 * 3600 } },
  [QueueName.Retention]: { removeOnComplete: { age: 30 * 24 * 3600, count: 1_000 }, removeOnFail: { age: 90 * 24 * 3600 } },
};

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_REGISTRY, name);
}

/** BullMQ options of a job: attempts and backoff from the registry (and the configuration), retention by queue. */
export function jobOptions(job: JobName, settings: JobSettings = DEFAULT_JOB_SETTINGS): JobsOptions {
  const definition: JobDefinition = JOB_REGISTRY[job];
  const attempts = job === JobName.TranscribeRecording ? settings.transcriptionAttempts : definition.attempts;
  return { attempts, backoff: { ...definition.backoff }, ...RETENTION[definition.queue] };
}
