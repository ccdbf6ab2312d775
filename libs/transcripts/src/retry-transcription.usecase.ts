import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@callgrade/config';
import { RecordingEntity, RecordingStatus } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { enqueueInTransaction, JobName } from '@callgrade/queue';
import { RecordingLifecycle } from '@callgrade/recordings';
import { DataSource } from 'typeorm';

/** Puts a failed (or stuck) recording back in the transcription queue, as a new job with an id of its own. */
@Injectable()
export class RetryTranscription {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: RecordingLifecycle,
    private readonly config: AppConfig,
  ) {}

  /** Waiting for or in transcription for longer than a job may take, lock expiry included. */
  private isStuck(recording: RecordingEntity): boolean {
    const stuckAfterMs = this.config.transcriptionTimeoutMs + 2 * this.config.workerLockMs;
    const waiting = [RecordingStatus.Received, RecordingStatus.Queued, RecordingStatus.Transcribing].includes(recording.status);
    return waiting && Date.now() - recording.updatedAt.getTime() > stuckAfterMs;
  }

  async execute(recordingId: string): Promise<RecordingEntity> {
    const move = await this.dataSource.transaction(async (manager) => {
      const recording = await manager.getRepository(RecordingEntity).findOne({ where: { id: recordingId }, lock: { mode: 'pessimistic_write' } });
      if (!recording) throw DomainError.notFound(`Recording ${recordingId}`);
      if (recording.status !== RecordingStatus.Failed && !this.isStuck(recording)) {
        throw new DomainError(
          ErrorCode.Conflict,
          `Only failed recordings, or ones stuck in transcription past its time limit, can be retried; this one is ${recording.status}`,
          { status: recording.status },
        );
      }
      const retries = recording.transcriptionRetries + 1;
      await manager.update(RecordingEntity, recordingId, { transcriptionRetries: retries });
      await enqueueInTransaction(manager, {
        job: JobName.TranscribeRecording,
        entityId: `${recordingId}.retry-${retries}`,
        payload: { recordingId },
      });
      return this.lifecycle.moveInTransaction(manager, recordingId, 'retry_transcription');
    });
    await this.lifecycle.announce([move]);
    return this.dataSource.getRepository(RecordingEntity).findOneOrFail({ where: { id: recordingId } });
  }
}
