import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@callgrade/config';
import { RecordingEntity, RecordingStatus, TranscriptEntity, UserEntity } from '@callgrade/database';
import { enqueueInTransaction, JobName } from '@callgrade/queue';
import { RecordingLifecycle } from '@callgrade/recordings';
import { ScoringSettingsService } from '@callgrade/scorecards';
import { ScoringSettings } from '@callgrade/scoring';
import { BlobStore } from '@callgrade/storage';
import { selectTranscriber, transcribeRecording, TranscriptionError } from '@callgrade/transcription';
import { tmpdir } from 'node:os';
import { DataSource } from 'typeorm';

/** A failure no retry can fix: the audio itself is the problem. */
export class UnfixableRecordingError extends Error {}

const UNFIXABLE: ReadonlySet<string> = new Set(['undecodable_audio', 'channel_mismatch', 'invalid_audio', 'unsupported_language']);

export type TranscribeOutcome = 'transcribed' | 'already-done';

export interface TranscribeProgress {
  (stage: 'started' | 'recognising' | 'stored', percent: number): Promise<void> | void;
}

/**
 * Turns a queued recording into a stored transcript with talk facts, then hands it to scoring.
 * Safe to run twice: a recording already past transcription is left alone, and a re-run replaces the
 * transcript rather than adding one.
 */
@Injectable()
export class TranscribeRecording {
  private readonly logger = new Logger(TranscribeRecording.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly blobs: BlobStore,
    private readonly lifecycle: RecordingLifecycle,
    private readonly config: AppConfig,
    private readonly scoringSettings: ScoringSettingsService,
  ) {}

  async execute(recordingId: string, progress: TranscribeProgress, signal?: AbortSignal): Promise<TranscribeOutcome> {
    const recording = await this.dataSource.getRepository(RecordingEntity).findOne({ where: { id: recordingId }, relations: { agent: true } });
    if (!recording) throw new UnfixableRecordingError(`recording ${recordingId} no longer exists`);
    if ([RecordingStatus.Transcribed, RecordingStatus.Scoring, RecordingStatus.Scored].includes(recording.status)) return 'already-done';

    await this.lifecycle.move(recordingId, 'start_transcription');
    await progress('started', 5);
    const transcriber = selectTranscriber(this.config.transcriber);
    const audioPath = await this.blobs.localPath(recording.storageKey).catch((e: NodeJS.ErrnoException) => {
      throw new Error(e.code === 'ENOENT' ? `the recording's audio is missing from storage (${recording.storageKey})` : e.message);
    });
    await progress('recognising', 10);
    let result;
    try {
      result = await transcribeRecording({
        audioPath,
        channels: recording.channels,
        channelLayout: recording.channelLayout,
        transcriber,
        vocabulary: await this.vocabulary(recording.agent),
        tmpRoot: tmpdir(),
        signal,
        timeoutMs: this.config.transcriptionTimeoutMs,
      });
    } catch (e) {
      if (e instanceof TranscriptionError && UNFIXABLE.has(e.code)) throw new UnfixableRecordingError(e.message);
      throw e;
    }
    if (result.segments.length === 0) {
      throw new UnfixableRecordingError('no speech was found in the recording (silent or unintelligible audio)');
    }

    const move = await this.dataSource.transaction(async (manager) => {
      await manager.upsert(
        TranscriptEntity,
        { recordingId, source: 'engine', engine: result.engine, language: null, segments: result.segments, facts: result.facts },
        ['recordingId'],
      );
      const moved = await this.lifecycle.moveInTransaction(manager, recordingId, 'finish_transcription');
      await enqueueInTransaction(manager, { job: JobName.ScoreRecording, entityId: recordingId, payload: { recordingId } });
      return moved;
    });
    await this.lifecycle.announce([move]);
    await progress('stored', 100);
    this.logger.log(`Transcribed ${recordingId} with ${result.engine}: ${result.segments.length} segments`);
    return 'transcribed';
  }

  /** Names the greeting check depends on: the company names (and spoken variants) of the current settings, and the agent's. */
  private async vocabulary(agent?: UserEntity): Promise<string[]> {
    const { settings } = await this.scoringSettings.current().catch(() => ({ settings: { companyNames: [] } }));
    const companies = (settings as ScoringSettings).companyNames.flatMap((c) => [c.name, ...c.spokenVariants]);
    const words = [...companies, ...this.config.companyNames, ...(agent ? agent.displayName.split(/\s+/) : [])];
    return [...new Set(words.filter(Boolean))];
  }
}
