import { UserRole } from '@callgrade/database';
import { RecoverLostJobs } from '@callgrade/transcripts';
import { DataSource } from 'typeorm';
import { silence, speech } from './support/audio-fixtures';
import { aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { eventually } from './support/eventually';
import { OwnDatabase, startOwnDatabase } from './support/own-database';
import { OwnRedis, startOwnRedis } from './support/own-redis';
import { conversation, GOOD_CALL } from './support/scored-calls';
import { startTestApp, TestApp } from './support/test-app';

/** Defect 5: after Redis lost its data, recordings stayed queued forever. */
describe('Recordings whose job Redis lost', () => {
  let redis: OwnRedis;
  let database: OwnDatabase;
  let ingest: TestApp;
  let worker: TestApp | undefined;
  let admin: TestUser;
  let agent: TestUser;
  let db: DataSource;

  beforeAll(async () => {
    // Its own Redis, so flushing it touches no other test.
    redis = await startOwnRedis();
    // Its own database too: the reconciler scans every recording, and other files leave calls waiting on jobs in the shared Redis.
    database = await startOwnDatabase('lost_jobs');
    ingest = await startTestApp({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      OUTBOX_RELAY_ENABLED: 'true',
      LOST_JOB_CHECK_SECONDS: '1',
      LOST_JOB_GRACE_SECONDS: '1',
    });
    db = ingest.get(DataSource);
    admin = await aUser(ingest, UserRole.Admin);
    agent = await anAgent(ingest);
  });
  afterAll(async () => {
    await worker?.close();
    await ingest?.close();
    await redis?.destroy();
    await database?.destroy();
  });

  const upload = async (file: string, transcript?: string) => {
    const fields: Record<string, string> = { externalId: uniqueCallId(), agentId: agent.id, startedAt: new Date().toISOString(), direction: 'inbound' };
    if (transcript) fields.transcript = transcript;
    const res = await ingest.http.post('/api/v1/recordings').set('Authorization', admin.auth).field(fields).attach('file', file).expect(202);
    return res.body.id as string;
  };
  const statuses = async (ids: string[]) =>
    (await db.query<{ status: string }[]>(`SELECT status FROM recordings WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids])).map((r) => r.status);

  it('re-queues them through the outbox and each reaches scored exactly once', async () => {
    const transcribed = await upload(speech('Hello, this is Northwind Bank, how can I help you today?'));
    const supplied = [await upload(silence(30), JSON.stringify(conversation(GOOD_CALL))), await upload(silence(30), JSON.stringify(conversation(GOOD_CALL)))];
    const ids = [transcribed, ...supplied];
    await eventually(
      async () =>
        (
          await db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE job_id LIKE ANY($1::text[]) AND dispatched_at IS NULL`, [
            ids.map((id) => `${id}.%`),
          ])
        )[0].n === 0,
    );

    await redis.client().flushdb();
    expect(await ingest.get(RecoverLostJobs).execute(60_000)).toEqual({ checked: 0, requeued: [] }); // nothing stale yet: left alone

    worker = await startTestApp({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      OUTBOX_RELAY_ENABLED: 'false',
      TRANSCRIPTION_WORKER_ENABLED: 'true',
      SCORING_WORKER_ENABLED: 'true',
    });
    await eventually(async () => (await statuses(ids)).every((s) => s === 'scored'), 90_000, 250);

    const scores = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM auto_scores WHERE recording_id = ANY($1::uuid[]) GROUP BY recording_id`, [
      ids,
    ]);
    expect(scores).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    const transcripts = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM transcripts WHERE recording_id = $1`, [transcribed]);
    expect(transcripts).toEqual([{ n: 1 }]);
  });

  it('lets an admin retry a recording stuck in transcription, but not one moving along', async () => {
    await worker?.close();
    worker = undefined;
    const id = await upload(silence(2));
    await ingest.http.post(`/api/v1/recordings/${id}/retry`).set('Authorization', admin.auth).expect(409);
    await db.query(`UPDATE recordings SET status = 'transcribing', updated_at = now() - interval '2 days' WHERE id = $1`, [id]);
    const res = await ingest.http.post(`/api/v1/recordings/${id}/retry`).set('Authorization', admin.auth).expect(202);
    expect(['received', 'queued', 'transcribing', 'transcribed', 'scoring', 'scored']).toContain(res.body.status);
  });
});
