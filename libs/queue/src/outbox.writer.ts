import { EntityManager } from 'typeorm';
import { JobName, jobIdFor, JobPayloads, QueueName } from './queue-names';

export interface OutboxJob<J extends JobName> {
  queue: QueueName;
  job: J;
  entityId: string;
  payload: JobPayloads[J];
  /** A delayed job: the relay hands it to the queue with the delay left until then. */
  deliverAt?: Date;
}

/** Records a job in the caller's transaction; the relay hands it to the queue after commit. */
export async function enqueueInTransaction<J extends JobName>(manager: EntityManager, job: OutboxJob<J>): Promise<void> {
  await manager.query(`INSERT INTO outbox_messages (queue, job_name, job_id, payload, deliver_at) VALUES ($1, $2, $3, $4, $5)`, [
    job.queue,
    job.job,
    jobIdFor(job.entityId, job.job),
    JSON.stringify(job.payload),
    job.deliverAt ?? null,
  ]);
}
