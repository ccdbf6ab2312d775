import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NothingToScoreError, ScoreRecording } from '@callgrade/auto-scoring';
import { AppConfig } from '@callgrade/config';
import { RecordingStatus } from '@callgrade/database';
import { JobName, QueueName, ScoreRecordingJob, startQueueWorker } from '@callgrade/queue';
import { RecordingStatusService } from '@callgrade/transcripts';
import { Job, UnrecoverableError, Worker } from 'bullmq';

/** Consumes the `scoring` queue: first scores from the pipeline and re-scores requested by admins. */
@Injectable()
export class ScoringWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScoringWorker.name);
  private worker?: Worker<ScoreRecordingJob>;

  constructor(
    private readonly config: AppConfig,
    private readonly score: ScoreRecording,
    private readonly status: RecordingStatusService,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.scoringWorkerEnabled) return;
    // Scoring is pure CPU in this process and takes well under a millisecond per call, so one job at a time.
    this.worker = startQueueWorker<ScoreRecordingJob>(QueueName.Scoring, (job) => this.process(job), {
      redisUrl: this.config.redisUrl,
      concurrency: 1,
      lockMs: this.config.workerLockMs,
    });
    this.worker.on('failed', (job, error) => {
      this.onFailed(job, error).catch((e: Error) => this.logger.error(`Recording ${job?.data.recordingId}: could not record the failure (${e.message}); the job keeps its state in the queue`));
    });
    this.worker.on('error', (error) => this.logger.warn(`Scoring worker: ${error.message}`));
  }

  private async process(job: Job<ScoreRecordingJob>): Promise<string> {
    try {
      const result = await this.score.execute(job.data.recordingId, job.name === (JobName.RescoreRecording as string) ? 'rescore' : 'pipeline');
      await job.updateProgress(100);
      return result === 'already-scored' ? result : result.id;
    } catch (e) {
      if (e instanceof NothingToScoreError) throw new UnrecoverableError(e.message);
      throw e;
    }
  }

  private async onFailed(job: Job<ScoreRecordingJob> | undefined, error: Error) {
    if (!job) return;
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) return;
    this.logger.warn(`Recording ${job.data.recordingId}: scoring failed: ${error.message}`);
    await this.status.set(job.data.recordingId, RecordingStatus.Failed, { reason: `scoring failed: ${error.message}`, from: [RecordingStatus.Scoring, RecordingStatus.Transcribed] });
  }

  async onApplicationShutdown() {
    await this.worker?.close();
  }
}
