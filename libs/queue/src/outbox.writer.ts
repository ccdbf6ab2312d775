import { EntityManager } from 'typeorm';
import { JOB_REGISTRY, JobName, jobIdFor, JobPayloads } from './queue-names';

export interface OutboxJob<J extends JobName> {
  job: J;
  entityId: string;
  payload: JobPayloads[J];
}

/** Records a job in the caller's transaction; the relay hands it to the job's queue (from the registry) after commit. */
export async function enqueueInTransaction<J extends JobName>(manager: EntityManager, job: OutboxJob<J>): Promise<void> {
  await manager.query(`INSERT INTO outbox_messages (queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4)`, [
    JOB_REGISTRY[job.job].queue,
    job.job,
    jobIdFor(job.entityId, job.job),
    JSON.stringify(job.payload),
  ]);
}
