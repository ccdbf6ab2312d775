import { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from '@callgrade/database';
import { JobName, jobIdFor, JobPayloads, QueueName } from './queue-names';

export interface OutboxJob<J extends JobName> {
  queue: QueueName;
  job: J;
  entityId: string;
  payload: JobPayloads[J];
}

/** Records a job in the caller's transaction; the relay hands it to the queue after commit. */
export async function enqueueInTransaction<J extends JobName>(manager: EntityManager, job: OutboxJob<J>): Promise<void> {
  await manager.insert(OutboxMessageEntity, {
    queue: job.queue,
    jobName: job.job,
    jobId: jobIdFor(job.entityId, job.job),
    payload: { ...job.payload },
  });
}
