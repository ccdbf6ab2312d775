import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AudioFacts } from '@callgrade/audio';
import { Principal } from '@callgrade/auth';
import { AppConfig } from '@callgrade/config';
import { ChannelLayout, isUniqueViolation, RecordingEntity, TranscriptEntity, UserRole } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { enqueueInTransaction, JobName } from '@callgrade/queue';
import { BlobStore, StagedBlob } from '@callgrade/storage';
import { talkFacts } from '@callgrade/transcript-model';
import { DataSource, EntityManager } from 'typeorm';
import { initialRecordingStatus } from './recording-lifecycle';
import { parseRecordingMetadata, RecordingMetadataInput } from './recording-metadata.input';
import { parseSuppliedTranscript } from './supplied-transcript';

export interface ReceiveRecordingCommand {
  /** Raw metadata fields, as sent in the multipart form or an import CSV row. */
  fields: Record<string, string>;
  staged: StagedBlob;
  audio: AudioFacts;
  uploader: Principal;
}

export interface ReceivedRecording {
  recording: RecordingEntity;
  /** False when the same call with the same audio was already here. */
  created: boolean;
}

/**
 * Accepts a staged, probed recording: checks its metadata against the database, then stores the row,
 * the blob and the transcription job together. On any refusal the staged bytes are discarded.
 */
@Injectable()
export class ReceiveRecording {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly blobs: BlobStore,
    private readonly config: AppConfig,
  ) {}

  async execute(command: ReceiveRecordingCommand): Promise<ReceivedRecording> {
    try {
      return await this.receive(command);
    } finally {
      await this.blobs.discard(command.staged);
    }
  }

  private async receive({ fields, staged, audio, uploader }: ReceiveRecordingCommand): Promise<ReceivedRecording> {
    const { transcript: suppliedJson, ...metadataFields } = fields;
    const metadata = await parseRecordingMetadata(metadataFields);
    const supplied = suppliedJson === undefined ? null : parseSuppliedTranscript(suppliedJson, audio.durationMs);
    const maxMs = this.config.maxRecordingSeconds * 1000;
    if (audio.durationMs > maxMs) {
      throw new DomainError(
        ErrorCode.UnprocessableAudio,
        `The recording lasts ${Math.round(audio.durationMs / 1000)} s, longer than the limit of ${this.config.maxRecordingSeconds} s`,
        { file: 'too long' },
      );
    }
    const channelLayout = this.channelLayout(metadata.channelLayout, audio.channels);
    const [agent, existing] = await Promise.all([this.findAgent(metadata), this.existing(metadata.externalId, staged.sha256, uploader)]);
    if (existing) return { recording: existing, created: false };

    try {
      const recording = await this.dataSource.transaction(async (manager) => {
        const saved = await this.insert(manager, { metadata, staged, audio, uploader, agent, channelLayout, supplied: supplied !== null });
        if (supplied) {
          // The phone system transcribed the call already: store its transcript and go straight to scoring.
          await manager.insert(TranscriptEntity, {
            recordingId: saved.id,
            source: 'supplied',
            engine: 'supplied',
            language: null,
            segments: supplied,
            facts: talkFacts(supplied, audio.durationMs),
          });
          await enqueueInTransaction(manager, { job: JobName.ScoreRecording, entityId: saved.id, payload: { recordingId: saved.id } });
        } else {
          await enqueueInTransaction(manager, { job: JobName.TranscribeRecording, entityId: saved.id, payload: { recordingId: saved.id } });
        }
        // Last step inside the transaction: if the blob cannot be stored, nothing is committed.
        await this.blobs.commit(staged);
        return saved;
      });
      return { recording, created: true };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // Another upload of the same call won the race; answer as if it came first.
      const winner = await this.existing(metadata.externalId, staged.sha256, uploader);
      if (winner) return { recording: winner, created: false };
      throw e;
    }
  }

  private channelLayout(requested: ChannelLayout | undefined, channels: number): ChannelLayout {
    if (channels === 1) {
      if (requested && requested !== ChannelLayout.Mono) throw DomainError.validation({ channelLayout: `is ${requested}, but the file has 1 channel` });
      return ChannelLayout.Mono;
    }
    if (channels > 2 && requested !== ChannelLayout.Mono) {
      throw DomainError.validation({
        channelLayout: `the file has ${channels} channels; only mono and stereo layouts are understood (send channelLayout=mono to mix them)`,
      });
    }
    return requested ?? ChannelLayout.AgentLeft;
  }

  private async findAgent(metadata: RecordingMetadataInput): Promise<{ id: string; teamId: string | null }> {
    const [field, value] = metadata.agentId ? (['agentId', metadata.agentId] as const) : (['agentExternalId', metadata.agentExternalId] as const);
    const column = field === 'agentId' ? 'id' : 'external_id';
    const [agent] = await this.dataSource.query<{ id: string; team_id: string | null; active: boolean }[]>(
      `SELECT id, team_id, active FROM users WHERE ${column} = $1 AND role = $2`,
      [value, UserRole.Agent],
    );
    if (!agent) throw DomainError.validation({ [field]: `no agent has ${field === 'agentId' ? 'id' : 'externalId'} ${value}` });
    if (!agent.active) throw DomainError.validation({ [field]: `agent ${agent.id} is deactivated` });
    return { id: agent.id, teamId: agent.team_id };
  }

  /**
   * The recording already stored for this call id, or null; a 409 when its audio differs, or when an
   * API key other than the one that uploaded it asks (it may not read that recording, so it learns
   * neither its id nor its hash).
   */
  private async existing(externalId: string, sha256: string, uploader: Principal): Promise<RecordingEntity | null> {
    const [found] = await this.dataSource.query<{ id: string; sha256: string; uploaded_by_api_key_id: string | null }[]>(
      `SELECT id, sha256, uploaded_by_api_key_id FROM recordings WHERE external_id = $1`,
      [externalId],
    );
    if (!found) return null;
    if (uploader.kind === 'api_key' && found.uploaded_by_api_key_id !== uploader.id) {
      throw new DomainError(ErrorCode.Conflict, `Call ${externalId} was already uploaded by another client`, { externalId: 'already used by another client' });
    }
    if (found.sha256 !== sha256) {
      throw new DomainError(ErrorCode.Conflict, `Call ${externalId} was already uploaded with different audio (recording ${found.id})`, {
        externalId: 'already used for other audio',
      });
    }
    return this.dataSource.getRepository(RecordingEntity).findOneByOrFail({ id: found.id });
  }

  private async insert(
    manager: EntityManager,
    p: Omit<ReceiveRecordingCommand, 'fields'> & {
      metadata: RecordingMetadataInput;
      agent: { id: string; teamId: string | null };
      channelLayout: ChannelLayout;
      supplied: boolean;
    },
  ): Promise<RecordingEntity> {
    const entity = manager.create(RecordingEntity, {
      externalId: p.metadata.externalId,
      agentId: p.agent.id,
      teamId: p.agent.teamId,
      startedAt: new Date(p.metadata.startedAt),
      direction: p.metadata.direction,
      channelLayout: p.channelLayout,
      queue: p.metadata.queue ?? null,
      customerNumber: p.metadata.customerNumber ?? null,
      tags: p.metadata.tags ?? {},
      sha256: p.staged.sha256,
      storageKey: this.blobs.keyFor(p.staged.sha256),
      sizeBytes: p.staged.sizeBytes,
      container: p.audio.container,
      codec: p.audio.codec,
      durationMs: p.audio.durationMs,
      channels: p.audio.channels,
      sampleRate: p.audio.sampleRate,
      status: initialRecordingStatus(p.supplied),
      uploadedByUserId: p.uploader.kind === 'user' ? p.uploader.id : null,
      uploadedByApiKeyId: p.uploader.kind === 'api_key' ? p.uploader.id : null,
    });
    // insert() rather than save(): one statement, none of save()'s reloading, on the hot path of every upload.
    const { identifiers } = await manager.insert(RecordingEntity, entity);
    return Object.assign(entity, identifiers[0]);
  }
}
