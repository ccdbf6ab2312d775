import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NothingToScoreError, ScoreRecording, ScoreTrigger } from '@callgrade/auto-scoring';
import { AppConfig } from '@callgrade/config';
import { JobName, QueueName, QueueProcessor, ScoreRecordingJob } from '@callgrade/queue';
import { RecordingLifecycle } from '@callgrade/recordings';
import { Job, UnrecoverableError } from 'bullmq';

/** Consumes the `scoring` queue: first scores from the pipeline and re-scores requested by admins. */
@Injectable()
export class ScoringWorker extends QueueProcessor<QueueName.Scoring> implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly config: AppConfig,
    private readonly score: ScoreRecording,
    private readonly lifecycle: RecordingLifecycle,
  ) {
    super(QueueName.Scoring, {
      [JobName.ScoreRecording]: (job) => this.scoreRecording(job, 'pipeline'),
      [JobName.RescoreRecording]: (job) => this.scoreRecording(job, 'rescore'),
    });
  }

  onApplicationBootstrap() {
    if (!this.config.scoringWorkerEnabled) return;
    // Scoring is pure CPU in this process and takes well under a millisecond per call, so one job at a time.
    this.startWorker({ redisUrl: this.config.redisUrl, concurrency: 1, lockMs: this.config.workerLockMs });
  }

  private async scoreRecording(job: Job<ScoreRecordingJob>, trigger: ScoreTrigger): Promise<string> {
    try {
      const result = await this.score.execute(job.data.recordingId, trigger);
      await job.updateProgress(100);
      return result === 'already-scored' ? result : result.id;
    } catch (e) {
      if (e instanceof NothingToScoreError) throw new UnrecoverableError(e.message);
      throw e;
    }
  }

  protected async onFinalFailure(job: Job<ScoreRecordingJob>, error: Error) {
    this.logger.warn(`Recording ${job.data.recordingId}: scoring failed: ${error.message}`);
    await this.lifecycle.moveIfAllowed(job.data.recordingId, 'fail_scoring', `scoring failed: ${error.message}`);
  }

  async onApplicationShutdown() {
    await this.stopWorker();
  }
}
