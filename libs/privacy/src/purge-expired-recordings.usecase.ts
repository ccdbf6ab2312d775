import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@callgrade/audit';
import { RecordingStatus } from '@callgrade/database';
import { kindsDue, latestDueStart, RetainedKind, RetentionCandidate } from '@callgrade/retention';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isProcessing, RecordingPurger } from './recording-purger';
import { RetentionSettingsService, RetentionSettingsView } from './retention-settings.service';

export interface PurgeRunResult {
  runId: string;
  recordings: number;
  deleted: Record<RetainedKind, number>;
  bytes: number;
  /** True when the run stopped at its limit and the next run continues. */
  more: boolean;
}

interface CandidateRow {
  id: string;
  started_at: Date;
  status: RecordingStatus;
  legal_hold: boolean;
  audio_purged_at: Date | null;
  transcript_purged_at: Date | null;
  scores_purged_at: Date | null;
}

const BATCH = 200;

/**
 * Deletes whatever the retention settings say is due, one recording per transaction, and records each
 * deletion in the purge log and the audit log. Safe to run twice, or in two workers: each recording is
 * locked and re-checked (a legal hold set meanwhile wins) before anything is deleted.
 */
@Injectable()
export class PurgeExpiredRecordings {
  private readonly logger = new Logger(PurgeExpiredRecordings.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: RetentionSettingsService,
    private readonly purger: RecordingPurger,
    private readonly audit: AuditLog,
  ) {}

  async execute(now = new Date(), limit = 5000): Promise<PurgeRunResult> {
    const runId = randomUUID();
    const policy = await this.settings.current();
    const result: PurgeRunResult = { runId, recordings: 0, deleted: { audio: 0, transcript: 0, scores: 0 }, bytes: 0, more: false };
    const cutoff = latestDueStart(policy, now);
    if (!cutoff) return result;
    let after: { startedAt: Date; id: string } = { startedAt: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const rows = await this.dataSource.query<CandidateRow[]>(
        `SELECT id, started_at, status, legal_hold, audio_purged_at, transcript_purged_at, scores_purged_at FROM recordings
          WHERE NOT legal_hold AND (audio_purged_at IS NULL OR transcript_purged_at IS NULL OR scores_purged_at IS NULL)
            AND started_at <= $1 AND (started_at, id) > ($2, $3)
          ORDER BY started_at, id LIMIT ${BATCH}`,
        [cutoff, after.startedAt, after.id],
      );
      for (const row of rows) {
        if (kindsDue(toCandidate(row), policy, now).length === 0) continue;
        if (result.recordings >= limit) return { ...result, more: true };
        await this.purgeOne(row.id, policy, runId, now, result);
      }
      if (rows.length < BATCH) break;
      const last = rows[rows.length - 1];
      after = { startedAt: last.started_at, id: last.id };
    }
    if (result.recordings) this.logger.log(`Retention purge ${runId}: ${result.recordings} recording(s), ${result.bytes} bytes of audio`);
    return result;
  }

  private async purgeOne(recordingId: string, policy: RetentionSettingsView, runId: string, now: Date, result: PurgeRunResult): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const target = await this.purger.lock(manager, recordingId);
      if (!target) return;
      const kinds = kindsDue(
        { recordingId, startedAt: target.startedAt, legalHold: target.legalHold, processing: isProcessing(target.status), purged: target.purged },
        policy,
        now,
      );
      if (kinds.length === 0) return;
      const items = await this.purger.purge(manager, target, kinds, 'retention', runId);
      await this.audit.recordBySystem(
        {
          action: 'recording.purged',
          resourceType: 'recording',
          resourceId: recordingId,
          details: { cause: 'retention', runId, kinds: kinds.join(','), retentionVersion: policy.version },
        },
        manager,
      );
      result.recordings++;
      for (const kind of kinds) result.deleted[kind]++;
      result.bytes += items.reduce((sum, i) => sum + (i.bytes ?? 0), 0);
    });
  }
}

const toCandidate = (row: CandidateRow): RetentionCandidate => ({
  recordingId: row.id,
  startedAt: row.started_at,
  legalHold: row.legal_hold,
  processing: isProcessing(row.status),
  purged: new Set<RetainedKind>([
    ...(row.audio_purged_at ? ['audio' as const] : []),
    ...(row.transcript_purged_at ? ['transcript' as const] : []),
    ...(row.scores_purged_at ? ['scores' as const] : []),
  ]),
});
