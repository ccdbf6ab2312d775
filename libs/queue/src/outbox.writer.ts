import { currentRequestId } from '@callgrade/observability';
import { EntityManager } from 'typeorm';
import { JOB_REGISTRY, JobName, jobIdFor, JobPayloads } from './queue-names';

export interface OutboxJob<J extends JobName> {
  job: J;
  entityId: string;
  payload: JobPayloads[J];
  /** A delayed job: the relay hands it to the queue with the delay left until then. */
  deliverAt?: Date;
}

/**
 * What every job payload may carry besides its ids: the id of the request that caused it, so the
 * worker's log lines for the job can be found from the request (and from a job caused by a job).
 */
export interface JobMeta {
  requestId?: string;
}

/** Records a job in the caller's transaction; the relay hands it to the job's queue (from the registry) after commit. */
export async function enqueueInTransaction<J extends JobName>(manager: EntityManager, job: OutboxJob<J>): Promise<void> {
  await manager.query(`INSERT INTO outbox_messages (queue, job_name, job_id, payload, deliver_at) VALUES ($1, $2, $3, $4, $5)`, [
    JOB_REGISTRY[job.job].queue,
    job.job,
    jobIdFor(job.entityId, job.job),
    JSON.stringify({ ...job.payload, ...withRequestId() }),
    job.deliverAt ?? null,
  ]);
}

function withRequestId(): JobMeta {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
}
