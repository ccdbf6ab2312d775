import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@callgrade/config';
import { JobName, QueueName, QueueProcessor, TranscribeRecordingJob } from '@callgrade/queue';
import { RecordingLifecycle } from '@callgrade/recordings';
import { TranscribeRecording, UnfixableRecordingError } from '@callgrade/transcripts';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * Consumes the `transcription` queue. Recognition runs in child processes (sox/ffmpeg and the
 * engine), so this event loop stays free to renew job locks. A crashed worker's job is taken up
 * again once its lock expires; on SIGTERM the current job finishes before the process exits.
 */
@Injectable()
export class TranscriptionWorker extends QueueProcessor<QueueName.Transcription> implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly config: AppConfig,
    private readonly transcribe: TranscribeRecording,
    private readonly lifecycle: RecordingLifecycle,
  ) {
    super(QueueName.Transcription, { [JobName.TranscribeRecording]: (job) => this.transcribeRecording(job) });
  }

  onApplicationBootstrap() {
    if (!this.config.transcriptionWorkerEnabled) return;
    this.startWorker({ redisUrl: this.config.redisUrl, concurrency: this.config.transcriptionConcurrency, lockMs: this.config.workerLockMs });
    this.logger.log(`Transcription worker started (concurrency ${this.config.transcriptionConcurrency})`);
  }

  private async transcribeRecording(job: Job<TranscribeRecordingJob>): Promise<string> {
    try {
      return await this.transcribe.execute(job.data.recordingId, (stage, percent) => job.updateProgress({ stage, percent }));
    } catch (e) {
      if (e instanceof UnfixableRecordingError) throw new UnrecoverableError(e.message);
      throw e;
    }
  }

  /** Attempts left: back to `queued`, reason kept. */
  protected override async onAttemptFailed(job: Job<TranscribeRecordingJob>, error: Error, attempts: number) {
    const reason = `attempt ${job.attemptsMade} of ${attempts} failed (${error.message}); retrying`;
    this.logger.warn(`Recording ${job.data.recordingId}: ${reason}`);
    await this.lifecycle.moveIfAllowed(job.data.recordingId, 'retry_attempt', reason);
  }

  /** None left, or no retry can help: `failed`. */
  protected async onFinalFailure(job: Job<TranscribeRecordingJob>, error: Error) {
    const reason = `transcription failed: ${error.message}`;
    this.logger.warn(`Recording ${job.data.recordingId}: ${reason}`);
    await this.lifecycle.moveIfAllowed(job.data.recordingId, 'fail_transcription', reason);
  }

  async onApplicationShutdown() {
    await this.stopWorker();
  }
}
