import { UserRole } from '@callgrade/database';
import { JobName, jobIdFor, OutboxRelay, OutboxRelayService, QueueName, redisOptionsFromUrl } from '@callgrade/queue';
import { Queue } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TEST_ENV } from './test-environment';
import { stereoCall } from './support/audio-fixtures';
import { aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { eventually } from './support/eventually';
import { startTestApp, TestApp } from './support/test-app';

const call = () => stereoCall('Good morning, you are through to Northwind.', 'Hello, I am calling about my card.');

async function uploadCall(app: TestApp, auth: string, agentId: string): Promise<string> {
  const res = await app.http
    .post('/api/v1/recordings')
    .set('Authorization', auth)
    .field({ externalId: uniqueCallId(), agentId, startedAt: '2026-11-28T10:00:00Z', direction: 'outbound' })
    .attach('file', call())
    .expect(202);
  return res.body.id;
}

const statusOf = async (db: DataSource, id: string) => (await db.query('SELECT status FROM recordings WHERE id = $1', [id]))[0].status;

describe('Transactional outbox: accepted recordings always reach the transcription queue', () => {
  describe('with the relay pointed at a dead Redis, then at a live one', () => {
    let sut: TestApp;
    let admin: TestUser;
    let agent: TestUser;
    let db: DataSource;
    let queue: Queue;

    beforeAll(async () => {
      sut = await startTestApp({ OUTBOX_RELAY_ENABLED: 'false' });
      db = sut.get(DataSource);
      admin = await aUser(sut, UserRole.Admin);
      agent = await anAgent(sut);
      queue = new Queue(QueueName.Transcription, { connection: redisOptionsFromUrl(TEST_ENV.REDIS_URL) });
    });
    afterAll(async () => {
      await queue.close();
      await sut.close();
    });

    it('keeps the job in PostgreSQL while Redis is unreachable and relays it, once, when it is back', async () => {
      const id = await uploadCall(sut, admin.auth, agent.id);
      expect(await statusOf(db, id)).toBe('received');

      const dead = new OutboxRelay(db, 'redis://127.0.0.1:1');
      const failed = await dead.dispatchPending();
      await dead.stop();
      expect(failed.dispatched).toBe(0);
      expect(failed.error).toEqual(expect.any(String));
      const [pending] = await db.query(`SELECT dispatched_at FROM outbox_messages WHERE job_id = $1`, [jobIdFor(id, JobName.TranscribeRecording)]);
      expect(pending.dispatched_at).toBeNull();
      // The relay stops at the oldest pending row (perhaps another suite's) and records why on it.
      const [oldest] = await db.query(`SELECT attempts, last_error FROM outbox_messages WHERE dispatched_at IS NULL ORDER BY id LIMIT 1`);
      expect(oldest.attempts).toBeGreaterThanOrEqual(1);
      expect(oldest.last_error).toEqual(failed.error);
      expect(await statusOf(db, id)).toBe('received');

      const live = sut.get(OutboxRelayService);
      await live.dispatchPending();
      expect(await statusOf(db, id)).toBe('queued');
      const job = await queue.getJob(jobIdFor(id, JobName.TranscribeRecording));
      expect(job?.data).toEqual({ recordingId: id, requestId: expect.any(String) });
    });

    it('never makes a second job when a row is relayed twice (e.g. a crash before it was marked)', async () => {
      const id = await uploadCall(sut, admin.auth, agent.id);
      const relay = sut.get(OutboxRelayService);
      await relay.dispatchPending();
      await db.query(`UPDATE outbox_messages SET dispatched_at = NULL WHERE job_id = $1`, [jobIdFor(id, JobName.TranscribeRecording)]);
      await relay.dispatchPending();
      const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed']);
      expect(jobs.filter((j) => j.data.recordingId === id)).toHaveLength(1);
    });
  });

  describe('through a real Redis outage', () => {
    const port = 6391;
    let redisDir: string;
    let redis: ChildProcess | undefined;
    let sut: TestApp;

    const startRedis = async () => {
      redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', redisDir, '--appendonly', 'yes', '--save', ''], {
        stdio: 'ignore',
      });
      const probe = new Queue('probe', { connection: { port, enableOfflineQueue: true } });
      await probe.waitUntilReady();
      await probe.close();
    };
    const stopRedis = async () => {
      const proc = redis!;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
    };

    beforeAll(async () => {
      redisDir = mkdtempSync(join(tmpdir(), 'callgrade-redis-'));
      await startRedis();
      sut = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}`, OUTBOX_RELAY_ENABLED: 'true', OUTBOX_POLL_MS: '50' });
    });
    afterAll(async () => {
      await sut?.close();
      if (redis && redis.exitCode === null) await stopRedis();
      rmSync(redisDir, { recursive: true, force: true });
    });

    it('accepts uploads while Redis is down and queues them when it returns', async () => {
      const db = sut.get(DataSource);
      const admin = await aUser(sut, UserRole.Admin);
      const agent = await anAgent(sut);
      const before = await uploadCall(sut, admin.auth, agent.id);
      await eventually(async () => (await statusOf(db, before)) === 'queued');

      await stopRedis();
      await sut.http.get('/api/v1/health').expect(503);
      const during = [await uploadCall(sut, admin.auth, agent.id), await uploadCall(sut, admin.auth, agent.id)];
      await new Promise((r) => setTimeout(r, 500));
      for (const id of during) expect(await statusOf(db, id)).toBe('received');

      await startRedis();
      await eventually(async () => (await Promise.all(during.map((id) => statusOf(db, id)))).every((s) => s === 'queued'));
      const queue = new Queue(QueueName.Transcription, { connection: { port } });
      try {
        for (const id of [before, ...during])
          expect((await queue.getJob(jobIdFor(id, JobName.TranscribeRecording)))?.data).toEqual({ recordingId: id, requestId: expect.any(String) });
      } finally {
        await queue.close();
      }
      await sut.http.get('/api/v1/health').expect(200);
    });
  });
});
