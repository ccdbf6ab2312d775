import { Principal } from '@callgrade/auth';
import { DeadlineKind } from '@callgrade/complaint-rules';
import { ComplaintEntity, ComplaintEventEntity, ComplaintEventType } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { enqueueInTransaction, JobName, jobIdFor, OutboxJob } from '@callgrade/queue';
import { EntityManager } from 'typeorm';

/** The complaint row, locked until the transaction ends, so two changes never interleave. */
export async function lockComplaint(manager: EntityManager, id: string): Promise<ComplaintEntity> {
  const complaint = await manager.findOne(ComplaintEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!complaint) throw DomainError.notFound(`Complaint ${id}`);
  return complaint;
}

/** Refuses a change made from an outdated copy: 409 with the current version, never a silent overwrite. */
export function assertCurrentVersion(complaint: ComplaintEntity, version: number): void {
  if (complaint.version !== version) {
    throw new DomainError(
      ErrorCode.Conflict,
      `Complaint ${complaint.id} was changed meanwhile: it is at version ${complaint.version}, you sent ${version}; reload it and try again`,
      {
        version: `is ${version}; the current version is ${complaint.version}`,
      },
    );
  }
}

export interface ComplaintChange {
  type: ComplaintEventType;
  actor: Principal | 'system';
  fromState?: string | null;
  toState?: string | null;
  changes?: Record<string, { from: unknown; to: unknown }>;
  note?: string | null;
}

/** Writes the changed fields, bumps the version and appends the history entry, in the caller's transaction. */
export async function saveComplaintChange(
  manager: EntityManager,
  complaint: ComplaintEntity,
  fields: Partial<ComplaintEntity>,
  change: ComplaintChange,
): Promise<void> {
  const version = complaint.version + 1;
  await manager.update(ComplaintEntity, { id: complaint.id }, { ...fields, version });
  Object.assign(complaint, fields, { version });
  await appendComplaintEvent(manager, complaint, change);
}

export async function appendComplaintEvent(manager: EntityManager, complaint: ComplaintEntity, change: ComplaintChange): Promise<void> {
  const actor = change.actor;
  await manager.insert(ComplaintEventEntity, {
    complaintId: complaint.id,
    type: change.type,
    actorType: actor === 'system' ? 'system' : actor.kind,
    actorId: actor === 'system' ? null : actor.id,
    fromState: change.fromState ?? null,
    toState: change.toState ?? null,
    changes: (change.changes ?? {}) as ComplaintEventEntity['changes'] & object,
    note: change.note ?? null,
    version: complaint.version,
  });
}

/** The delayed job that checks one deadline; its id names the complaint, the deadline and when it is due. */
export function deadlineTimer(complaintId: string, kind: DeadlineKind, dueAt: Date): OutboxJob<JobName.CheckComplaintDeadline> & { jobId: string } {
  const entityId = `${complaintId}.${kind}.${dueAt.getTime()}`;
  return {
    job: JobName.CheckComplaintDeadline,
    entityId,
    jobId: jobIdFor(entityId, JobName.CheckComplaintDeadline),
    payload: { complaintId, kind, dueAt: dueAt.toISOString() },
    deliverAt: dueAt,
  };
}

export async function scheduleDeadline(manager: EntityManager, complaintId: string, kind: DeadlineKind, dueAt: Date): Promise<void> {
  await enqueueInTransaction(manager, deadlineTimer(complaintId, kind, dueAt));
}
