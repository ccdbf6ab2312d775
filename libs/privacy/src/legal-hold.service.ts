import { Injectable } from '@nestjs/common';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { RecordingEntity } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { DataSource } from 'typeorm';

export interface LegalHoldView {
  recordingId: string;
  legalHold: boolean;
  legalHoldReason: string | null;
}

/** Puts a recording on legal hold (nothing of it is purged or erased) or takes it off; both audit-logged. */
@Injectable()
export class LegalHolds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  set(recordingId: string, reason: string, actor: Principal): Promise<LegalHoldView> {
    return this.change(recordingId, true, reason, actor);
  }

  clear(recordingId: string, actor: Principal): Promise<LegalHoldView> {
    return this.change(recordingId, false, null, actor);
  }

  private async change(recordingId: string, hold: boolean, reason: string | null, actor: Principal): Promise<LegalHoldView> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ legal_hold: boolean; legal_hold_reason: string | null; audio_purged_at: Date | null }[]>(
        `SELECT legal_hold, legal_hold_reason, audio_purged_at FROM recordings WHERE id = $1 FOR UPDATE`,
        [recordingId],
      );
      if (!row) throw DomainError.notFound(`Recording ${recordingId}`);
      await manager.update(RecordingEntity, recordingId, { legalHold: hold, legalHoldReason: reason });
      await this.audit.record(
        actor,
        {
          action: hold ? 'recording.legal_hold.set' : 'recording.legal_hold.cleared',
          resourceType: 'recording',
          resourceId: recordingId,
          details: { reason, reasonBefore: row.legal_hold_reason, heldBefore: row.legal_hold, audioAlreadyPurged: row.audio_purged_at !== null },
        },
        manager,
      );
      return { recordingId, legalHold: hold, legalHoldReason: reason };
    });
  }
}
