import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@callgrade/config';
import { AutoScoreEntity, RecordingEntity, TranscriptEntity } from '@callgrade/database';
import { RecordingLifecycle } from '@callgrade/recordings';
import { ScorecardsService, ScoringSettingsService } from '@callgrade/scorecards';
import { AutoScoreResult, redactTranscript, roundPercent } from '@callgrade/scoring';
import { TranscriptSegment } from '@callgrade/transcript-model';
import { BlobStore } from '@callgrade/storage';
import { DEFAULT_PRONOUNCING_DICTIONARY, loadWordPronouncer, muteSpans } from '@callgrade/transcription';
import { mkdtemp, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AutoScorerCache } from './auto-scorer.cache';

export type ScoreTrigger = 'pipeline' | 'rescore';

export class NothingToScoreError extends Error {}

interface Redaction {
  startMs: number;
  endMs: number;
  kind: string;
  speaker: string;
}

/**
 * Scores a transcribed recording against the default scorecard's current version and the current
 * company settings, stores the result with its evidence, redacts card data from the transcript and
 * mutes it in a copy of the audio, then marks the recording `scored`.
 */
@Injectable()
export class ScoreRecording {
  private readonly logger = new Logger(ScoreRecording.name);
  private scorers: Promise<AutoScorerCache> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
    private readonly settings: ScoringSettingsService,
    private readonly lifecycle: RecordingLifecycle,
    private readonly blobs: BlobStore,
    private readonly config: AppConfig,
  ) {}

  async execute(recordingId: string, trigger: ScoreTrigger): Promise<AutoScoreEntity | 'already-scored'> {
    const recording = await this.dataSource.getRepository(RecordingEntity).findOne({ where: { id: recordingId }, relations: { agent: true } });
    const transcript = await this.dataSource.getRepository(TranscriptEntity).findOne({ where: { recordingId } });
    if (!recording || !transcript) throw new NothingToScoreError(`recording ${recordingId} has no transcript to score`);
    if (trigger === 'pipeline' && (await this.dataSource.getRepository(AutoScoreEntity).exists({ where: { recordingId, trigger: 'pipeline' } }))) {
      return 'already-scored';
    }

    await this.lifecycle.move(recordingId, 'start_scoring');
    // Freezes the version before reading it, so an edit made while scoring becomes a new version.
    const card = await this.scorecards.currentForScoring({ freeze: true });
    const settings = await this.settings.current();
    // The recogniser's dictionary, read once: company and agent names are matched by sound too.
    this.scorers ??= loadWordPronouncer(DEFAULT_PRONOUNCING_DICTIONARY).then((pronounce) => new AutoScorerCache(pronounce));
    const scorer = (await this.scorers).get(card.versionId, card.definition, settings.versionId, settings.settings);
    const segments = transcript.segments;
    const result = scorer.score(segments, transcript.facts, recording.agent?.displayName);
    keepCardFindingsOfEarlierRedactions(result, transcript.redactions as Redaction[]);

    const redaction = redactTranscript(segments);
    const newRedactions: Redaction[] = redaction.spans.map((s) => ({ ...s, speaker: speakerAt(transcript.segments, s.startMs, s.endMs) }));
    const redactions = [...(transcript.redactions as Redaction[]), ...newRedactions];
    // Audio deleted by retention has nothing left to mute: the transcript is still redacted and re-scored.
    const needsMutedCopy = !recording.audioPurgedAt && (newRedactions.length || (redactions.length && !recording.redactedStorageKey));
    const redactedKey = needsMutedCopy ? await this.storeMutedCopy(recording, redactions) : recording.redactedStorageKey;

    const saved = await this.dataSource.transaction(async (manager) => {
      if (newRedactions.length) {
        await manager.update(TranscriptEntity, { recordingId }, { segments: redaction.segments, redactions });
      }
      if (redactedKey !== recording.redactedStorageKey) await manager.update(RecordingEntity, recordingId, { redactedStorageKey: redactedKey });
      const row = await manager.save(
        manager.create(AutoScoreEntity, {
          recordingId,
          scorecardVersionId: card.versionId,
          settingsVersionId: settings.versionId,
          percent: roundPercent(result.score.percent),
          criticalFailed: result.score.criticalFailures.length > 0,
          complete: result.score.complete,
          language: result.language,
          criteria: result.criteria as unknown as object[],
          breakdown: result.score as unknown as object,
          trigger,
        }),
      );
      await manager.update(RecordingEntity, recordingId, { autoScorePercent: row.percent, autoCriticalFailed: row.criticalFailed });
      await this.scorecards.markUsed(card.versionId, manager);
      return row;
    });
    if (!this.config.keepUnredactedAudio && redactedKey && recording.storageKey !== redactedKey) await this.dropOriginal(recording, redactedKey);
    await this.lifecycle.move(recordingId, 'finish_scoring');
    this.logger.log(`Scored ${recordingId}: ${saved.percent ?? '—'}% (scorecard v${card.version}, settings v${settings.version})`);
    return saved;
  }

  private async storeMutedCopy(recording: RecordingEntity, spans: Redaction[]): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'callgrade-redact-'));
    try {
      const output = join(dir, 'redacted.wav');
      await muteSpans(await this.blobs.localPath(recording.storageKey), output, spans);
      const staged = await this.blobs.stage(createReadStream(output), { maxBytes: Number.MAX_SAFE_INTEGER });
      return await this.blobs.commit(staged);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** With KEEP_UNREDACTED_AUDIO=false only the muted copy remains; the recording points at it. */
  private async dropOriginal(recording: RecordingEntity, redactedKey: string) {
    await this.dataSource.getRepository(RecordingEntity).update(recording.id, { storageKey: redactedKey, container: 'wav', codec: 'pcm_s16le' });
    const stillUsed = await this.dataSource.getRepository(RecordingEntity).exists({ where: { storageKey: recording.storageKey } });
    if (!stillUsed) await this.blobs.remove(recording.storageKey);
  }
}

function speakerAt(segments: TranscriptSegment[], startMs: number, endMs: number): string {
  const hit = segments.find((s) => s.startMs <= endMs && s.endMs >= startMs && s.text.length > 0);
  return hit?.speaker ?? 'unknown';
}

/**
 * A re-score reads the already-redacted transcript, where spoken card digits are gone. A card number
 * the agent read out, found and redacted earlier, still fails the card check, with its time as evidence.
 */
function keepCardFindingsOfEarlierRedactions(result: AutoScoreResult, earlier: Redaction[]) {
  const readBack = earlier.filter((r) => r.kind === 'card_number' && r.speaker === 'agent');
  if (!readBack.length) return;
  for (const c of result.criteria) {
    if (c.check !== 'no_card_data_read_back' || c.result.result === 'fail') continue;
    c.result = {
      result: 'fail',
      confidence: 0.9,
      evidence: readBack.map((r) => ({ speaker: 'agent' as const, startMs: r.startMs, endMs: r.endMs, text: '[redacted card number]' })),
      explanation: 'The agent spoke a card number (found and redacted when the call was first scored).',
    };
    c.answer = { kind: 'no' };
  }
}
