import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { RecordingStatus } from '@callgrade/database';
import { QueueName, startQueueWorker, TranscribeRecordingJob } from '@callgrade/queue';
import { RecordingStatusService, TranscribeRecording, UnfixableRecordingError } from '@callgrade/transcripts';
import { Job, UnrecoverableError, Worker } from 'bullmq';

/**
 * Consumes the `transcription` queue. Recognition runs in child processes (sox/ffmpeg and the
 * engine), so this event loop stays free to renew job locks. A crashed worker's job is taken up
 * again once its lock expires; on SIGTERM the current job finishes before the process exits.
 */
@Injectable()
export class TranscriptionWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TranscriptionWorker.name);
  private worker?: Worker<TranscribeRecordingJob>;

  constructor(
    private readonly config: AppConfig,
    private readonly transcribe: TranscribeRecording,
    private readonly status: RecordingStatusService,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.transcriptionWorkerEnabled) return;
    this.worker = startQueueWorker<TranscribeRecordingJob>(QueueName.Transcription, (job) => this.process(job), {
      redisUrl: this.config.redisUrl,
      concurrency: this.config.transcriptionConcurrency,
      lockMs: this.config.workerLockMs,
    });
    this.worker.on('failed', (job, error) => {
      this.onFailed(job, error).catch((e: Error) => this.logger.error(`Recording ${job?.data.recordingId}: could not record the failure (${e.message}); the job keeps its state in the queue`));
    });
    this.worker.on('error', (error) => this.logger.warn(`Transcription worker: ${error.message}`));
    this.logger.log(`Transcription worker started (concurrency ${this.config.transcriptionConcurrency})`);
  }

  private async process(job: Job<TranscribeRecordingJob>): Promise<string> {
    try {
      return await this.transcribe.execute(job.data.recordingId, (stage, percent) => job.updateProgress({ stage, percent }));
    } catch (e) {
      if (e instanceof UnfixableRecordingError) throw new UnrecoverableError(e.message);
      throw e;
    }
  }

  /** Attempts left: back to `queued`, reason kept. None left, or no retry can help: `failed`. */
  private async onFailed(job: Job<TranscribeRecordingJob> | undefined, error: Error) {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const final = error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
    const reason = final ? `transcription failed: ${error.message}` : `attempt ${job.attemptsMade} of ${attempts} failed (${error.message}); retrying`;
    this.logger.warn(`Recording ${job.data.recordingId}: ${reason}`);
    await this.status.set(job.data.recordingId, final ? RecordingStatus.Failed : RecordingStatus.Queued, {
      reason,
      from: [RecordingStatus.Queued, RecordingStatus.Transcribing, RecordingStatus.Received],
    });
  }

  async onApplicationShutdown() {
    await this.worker?.close();
  }
}
