import { Injectable } from '@nestjs/common';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { ErasureEntity, PurgedKind, RecordingStatus } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { RETAINED_KINDS } from '@callgrade/retention';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isProcessing, RecordingPurger } from './recording-purger';

export interface ErasureReport {
  erasureId: string;
  requestedAt: string;
  requestedBy: string;
  /** Calls found with this customer number. */
  matched: number;
  erased: { recordingId: string; externalId: string; startedAt: string; deleted: PurgedKind[]; bytes: number }[];
  /** On legal hold: nothing deleted until the hold is cleared; ask again then. */
  held: { recordingId: string; externalId: string; reason: string }[];
  /** Still being transcribed or scored: ask again once it is done. */
  deferred: { recordingId: string; externalId: string; status: RecordingStatus; reason: string }[];
}

/** The number as it is matched and hashed: surrounding spaces do not count. */
const normalise = (customerNumber: string) => customerNumber.trim();
export const customerNumberHash = (customerNumber: string) => createHash('sha256').update(normalise(customerNumber)).digest('hex');

/**
 * Erases one customer's data: for every call with their number (not on hold, not processing), the
 * audio and its muted copy, the transcript and the auto-scores are deleted, and the customer number and
 * tags are cleared. The recording row stays as a tombstone (ids, agent, time, duration, `erasedAt`) so
 * reports and evaluations still add up. The report is kept; the number itself is kept nowhere, only its
 * SHA-256, so a later request for the same number can be matched to this one.
 */
@Injectable()
export class EraseCustomerData {
  constructor(
    private readonly dataSource: DataSource,
    private readonly purger: RecordingPurger,
    private readonly audit: AuditLog,
  ) {}

  async execute(customerNumber: string, actor: Principal): Promise<ErasureReport> {
    const number = normalise(customerNumber);
    if (!number) throw DomainError.validation({ customerNumber: 'required: the customer number as the phone system sent it' });
    const erasureId = randomUUID();
    const ids = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM recordings WHERE customer_number = $1 ORDER BY started_at, id`, [number]);
    const report: ErasureReport = {
      erasureId,
      requestedAt: new Date().toISOString(),
      requestedBy: actor.id,
      matched: ids.length,
      erased: [],
      held: [],
      deferred: [],
    };

    for (const { id } of ids) {
      await this.dataSource.transaction(async (manager) => {
        const target = await this.purger.lock(manager, id);
        if (!target) return;
        if (target.legalHold) {
          report.held.push({ recordingId: id, externalId: target.externalId, reason: `on legal hold: ${target.legalHoldReason ?? 'no reason given'}` });
          return;
        }
        if (isProcessing(target.status)) {
          report.deferred.push({
            recordingId: id,
            externalId: target.externalId,
            status: target.status,
            reason: `still ${target.status}; ask again once it is scored or failed`,
          });
          return;
        }
        const kinds = RETAINED_KINDS.filter((k) => !target.purged.has(k));
        const items = await this.purger.purge(manager, target, kinds, 'erasure', erasureId);
        await manager.query(`UPDATE recordings SET customer_number = NULL, tags = '{}'::jsonb, erased_at = now() WHERE id = $1`, [id]);
        const personal = { kind: 'personal_data' as const, storageKey: null, bytes: null, note: 'customer number and tags cleared' };
        await this.purger.log(manager, id, [personal], 'erasure', erasureId);
        await this.audit.record(
          actor,
          { action: 'recording.erased', resourceType: 'recording', resourceId: id, details: { erasureId, kinds: kinds.join(',') } },
          manager,
        );
        report.erased.push({
          recordingId: id,
          externalId: target.externalId,
          startedAt: target.startedAt.toISOString(),
          deleted: [...items.map((i) => i.kind), 'personal_data'],
          bytes: items.reduce((sum, i) => sum + (i.bytes ?? 0), 0),
        });
      });
    }

    await this.dataSource
      .getRepository(ErasureEntity)
      .insert({ id: erasureId, requestedBy: actor.id, customerNumberSha256: customerNumberHash(number), report });
    await this.audit.record(actor, {
      action: 'privacy.erasure',
      resourceType: 'erasure',
      resourceId: erasureId,
      details: { matched: report.matched, erased: report.erased.length, held: report.held.length, deferred: report.deferred.length },
    });
    return report;
  }

  async report(erasureId: string): Promise<ErasureReport> {
    const row = await this.dataSource.getRepository(ErasureEntity).findOneBy({ id: erasureId });
    if (!row) throw DomainError.notFound(`Erasure ${erasureId}`);
    return row.report as ErasureReport;
  }
}
