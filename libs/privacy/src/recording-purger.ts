import { Injectable } from '@nestjs/common';
import { PurgeCause, PurgedKind, RecordingStatus } from '@callgrade/database';
import { RetainedKind } from '@callgrade/retention';
import { BlobStore } from '@callgrade/storage';
import { EntityManager } from 'typeorm';

/** A recording row as the purge reads it, locked. */
export interface PurgeTarget {
  id: string;
  externalId: string;
  status: RecordingStatus;
  startedAt: Date;
  legalHold: boolean;
  legalHoldReason: string | null;
  storageKey: string;
  redactedStorageKey: string | null;
  purged: Set<RetainedKind>;
}

export interface PurgedItem {
  kind: PurgedKind;
  storageKey: string | null;
  bytes: number | null;
  note: string | null;
}

const PROCESSING: readonly RecordingStatus[] = [
  RecordingStatus.Received,
  RecordingStatus.Queued,
  RecordingStatus.Transcribing,
  RecordingStatus.Transcribed,
  RecordingStatus.Scoring,
];
export const isProcessing = (status: RecordingStatus) => PROCESSING.includes(status);

/**
 * Deletes kinds of data of one recording inside the caller's transaction and writes each deletion to
 * the purge log. Blobs go before the commit: if the transaction then fails, the next run deletes again
 * (removal is idempotent), whereas the other order could leave an orphaned file nobody will delete.
 */
@Injectable()
export class RecordingPurger {
  constructor(private readonly blobs: BlobStore) {}

  /** Locks the row; null when there is no such recording. */
  async lock(manager: EntityManager, recordingId: string): Promise<PurgeTarget | null> {
    const [row] = await manager.query<
      {
        id: string;
        external_id: string;
        status: RecordingStatus;
        started_at: Date;
        legal_hold: boolean;
        legal_hold_reason: string | null;
        storage_key: string;
        redacted_storage_key: string | null;
        audio_purged_at: Date | null;
        transcript_purged_at: Date | null;
        scores_purged_at: Date | null;
      }[]
    >(
      `SELECT id, external_id, status, started_at, legal_hold, legal_hold_reason, storage_key, redacted_storage_key, audio_purged_at, transcript_purged_at, scores_purged_at
         FROM recordings WHERE id = $1 FOR UPDATE`,
      [recordingId],
    );
    if (!row) return null;
    const purged = new Set<RetainedKind>();
    if (row.audio_purged_at) purged.add('audio');
    if (row.transcript_purged_at) purged.add('transcript');
    if (row.scores_purged_at) purged.add('scores');
    return {
      id: row.id,
      externalId: row.external_id,
      status: row.status,
      startedAt: row.started_at,
      legalHold: row.legal_hold,
      legalHoldReason: row.legal_hold_reason,
      storageKey: row.storage_key,
      redactedStorageKey: row.redacted_storage_key,
      purged,
    };
  }

  async purge(manager: EntityManager, target: PurgeTarget, kinds: readonly RetainedKind[], cause: PurgeCause, runId: string): Promise<PurgedItem[]> {
    const items: PurgedItem[] = [];
    if (kinds.includes('audio')) {
      items.push(await this.removeBlob(manager, target, target.storageKey, 'audio'));
      if (target.redactedStorageKey && target.redactedStorageKey !== target.storageKey)
        items.push(await this.removeBlob(manager, target, target.redactedStorageKey, 'redacted_audio'));
    }
    if (kinds.includes('transcript')) {
      await manager.query(`DELETE FROM transcripts WHERE recording_id = $1`, [target.id]);
      items.push({ kind: 'transcript', storageKey: null, bytes: null, note: null });
    }
    if (kinds.includes('scores')) {
      const [, deleted] = await manager.query<[unknown, number]>(`DELETE FROM auto_scores WHERE recording_id = $1`, [target.id]);
      items.push({ kind: 'scores', storageKey: null, bytes: null, note: `${deleted} auto-score(s)` });
    }
    await manager.query(
      `UPDATE recordings SET
         audio_purged_at = CASE WHEN $2 THEN coalesce(audio_purged_at, now()) ELSE audio_purged_at END,
         transcript_purged_at = CASE WHEN $3 THEN coalesce(transcript_purged_at, now()) ELSE transcript_purged_at END,
         scores_purged_at = CASE WHEN $4 THEN coalesce(scores_purged_at, now()) ELSE scores_purged_at END
       WHERE id = $1`,
      [target.id, kinds.includes('audio'), kinds.includes('transcript'), kinds.includes('scores')],
    );
    await this.log(manager, target.id, items, cause, runId);
    return items;
  }

  async log(manager: EntityManager, recordingId: string, items: readonly PurgedItem[], cause: PurgeCause, runId: string): Promise<void> {
    for (const item of items) {
      await manager.query(`INSERT INTO purge_log (run_id, cause, recording_id, kind, storage_key, bytes, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        runId,
        cause,
        recordingId,
        item.kind,
        item.storageKey,
        item.bytes,
        item.note,
      ]);
    }
  }

  /** Content-addressed: the same bytes may belong to another recording whose audio is still kept. */
  private async removeBlob(manager: EntityManager, target: PurgeTarget, key: string, kind: PurgedKind): Promise<PurgedItem> {
    const [{ others }] = await manager.query<{ others: number }[]>(
      `SELECT count(*)::int AS others FROM recordings WHERE id <> $1 AND audio_purged_at IS NULL AND (storage_key = $2 OR redacted_storage_key = $2)`,
      [target.id, key],
    );
    if (others > 0) return { kind, storageKey: key, bytes: null, note: `file kept: ${others} other recording(s) with the same bytes still keep their audio` };
    const bytes = await this.blobs.size(key).catch(() => null);
    await this.blobs.remove(key);
    return { kind, storageKey: key, bytes, note: bytes === null ? 'file was already gone' : null };
  }
}
