import { JobName, jobIdFor, QueueName, redisOptionsFromUrl } from '@callgrade/queue';
import { UserRole } from '@callgrade/database';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { aUser, anAgent, TestUser } from './support/builders';
import { eventually } from './support/eventually';
import { connectAs } from './support/sockets';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_ENV } from './test-environment';

interface Breach {
  state: string;
  version: number;
  firstResponseBreachedAt: string | null;
  escalatedAt: string | null;
  overdue: string[];
  history: { type: string; actorType: string; fromState: string | null; toState: string | null }[];
}

/** Only critical complaints get the short test deadlines; other test files log high ones. */
const SHORT_CRITICAL = { firstResponseMinutes: 1, resolutionMinutes: 600 };
/** How far before now a complaint is dated so that its one-minute first-response deadline falls due this many ms from now. */
const dueIn = (ms: number) => new Date(Date.now() - 60_000 + ms).toISOString();

describe('Complaint deadlines', () => {
  let sut: TestApp;
  let admin: TestUser;
  let supervisor: TestUser;
  let disputer: TestUser;
  let agent: TestUser;
  let savedSettings: object;

  const start = (sweepSeconds: number) => startTestApp({ COMPLAINT_TIMERS_ENABLED: 'true', COMPLAINT_SWEEP_SECONDS: String(sweepSeconds) });

  beforeAll(async () => {
    sut = await start(3600);
    admin = await aUser(sut, UserRole.Admin);
    supervisor = await aUser(sut, UserRole.QaSupervisor);
    disputer = await aUser(sut, UserRole.DisputeTeam);
    agent = await anAgent(sut);
    savedSettings = (await sut.http.get('/api/v1/complaint-settings').set('Authorization', admin.auth).expect(200)).body;
    const settings = savedSettings as { deadlines: Record<string, object> };
    await sut.http
      .put('/api/v1/complaint-settings')
      .set('Authorization', admin.auth)
      .send({ ...settings, clock: 'calendar', deadlines: { ...settings.deadlines, critical: SHORT_CRITICAL } })
      .expect(200);
  });

  afterAll(async () => {
    await sut.http.put('/api/v1/complaint-settings').set('Authorization', admin.auth).send(savedSettings);
    await sut.close();
  });

  async function aCriticalComplaint(receivedAt: string): Promise<{ id: string; firstResponseDueAt: string }> {
    const res = await sut.http
      .post('/api/v1/complaints')
      .set('Authorization', supervisor.auth)
      .send({
        channel: 'email',
        customerReference: `CUST-${randomUUID().slice(0, 6)}`,
        agentId: agent.id,
        categoryKey: 'privacy',
        severity: 'critical',
        description: 'My data was read out aloud.',
        receivedAt,
      });
    expect(res.status).toBe(201);
    return res.body;
  }

  const detail = async (id: string): Promise<Breach> => (await sut.http.get(`/api/v1/complaints/${id}`).set('Authorization', disputer.auth).expect(200)).body;
  const db = () => sut.get(DataSource);
  const dispatched = async (complaintId: string) =>
    Number(
      (await db().query(`SELECT count(*) AS n FROM outbox_messages WHERE payload->>'complaintId' = $1 AND dispatched_at IS NOT NULL`, [complaintId]))[0].n,
    ) === 2;

  function expectOneBreach(complaint: Breach) {
    expect(complaint).toMatchObject({ state: 'escalated', overdue: ['first_response'] });
    expect(complaint.firstResponseBreachedAt).not.toBeNull();
    expect(complaint.escalatedAt).not.toBeNull();
    const breaches = complaint.history.filter((e) => e.type === 'breached');
    expect(breaches).toEqual([expect.objectContaining({ actorType: 'system', fromState: 'new', toState: 'escalated' })]);
  }

  it('fires the timer after the worker is restarted, escalates, and tells the dispute team over socket.io', async () => {
    const complaint = await aCriticalComplaint(dueIn(12_000));
    await eventually(() => dispatched(complaint.id), 5_000, 50);
    await sut.close();

    // A new worker whose sweep will not run again for an hour: only the timer in Redis can catch this one.
    sut = await start(3600);
    await sut.app.listen(0);
    const sockets: Socket[] = [await connectAs(sut, disputer), await connectAs(sut, agent)];
    const received: Record<string, { name: string; payload: { complaintId: string } }[]> = { disputer: [], agent: [] };
    sockets.forEach((socket, i) =>
      socket.onAny((name: string, payload: { complaintId: string }) => received[i === 0 ? 'disputer' : 'agent'].push({ name, payload })),
    );
    try {
      expect((await detail(complaint.id)).state).toBe('new');
      const breached = await eventually(async () => {
        const c = await detail(complaint.id);
        return c.firstResponseBreachedAt ? c : null;
      }, 20_000);
      expect(new Date(breached.firstResponseBreachedAt!).getTime()).toBeGreaterThanOrEqual(new Date(complaint.firstResponseDueAt).getTime());
      expectOneBreach(breached);
      await eventually(async () => received.disputer.filter((e) => e.payload.complaintId === complaint.id).length === 2, 5_000);
      expect(received.disputer.filter((e) => e.payload.complaintId === complaint.id).map((e) => e.name)).toEqual(['complaint.breached', 'complaint.escalated']);
      expect(received.agent.filter((e) => e.name.startsWith('complaint.'))).toEqual([]);
    } finally {
      sockets.forEach((s) => s.disconnect());
    }
  });

  it('still marks the breach once after the Redis keys are flushed', async () => {
    await sut.close();
    sut = await start(1);
    const complaint = await aCriticalComplaint(dueIn(6_000));
    await eventually(() => dispatched(complaint.id), 5_000, 50);
    const queue = new Queue(QueueName.ComplaintDeadlines, { connection: redisOptionsFromUrl(TEST_ENV.REDIS_URL) });
    const redis = new Redis(TEST_ENV.REDIS_URL);
    try {
      const jobId = jobIdFor(`${complaint.id}.first_response.${new Date(complaint.firstResponseDueAt).getTime()}`, JobName.CheckComplaintDeadline);
      expect(await queue.getJob(jobId)).toBeDefined();
      // Only this test run's own Redis database, never FLUSHALL.
      await redis.flushdb();
      expect(await queue.getJob(jobId)).toBeUndefined();

      const breached = await eventually(async () => {
        const c = await detail(complaint.id);
        return c.firstResponseBreachedAt ? c : null;
      }, 20_000);
      expectOneBreach(breached);
      // Timer and sweep may both look at it later: still one breach.
      await new Promise((r) => setTimeout(r, 2_500));
      expectOneBreach(await detail(complaint.id));
    } finally {
      redis.disconnect();
      await queue.close();
    }
  });

  it('leaves a deadline that was met alone', async () => {
    const complaint = await aCriticalComplaint(dueIn(3_000));
    const triaged = await sut.http
      .post(`/api/v1/complaints/${complaint.id}/transitions`)
      .set('Authorization', supervisor.auth)
      .send({ move: 'triage', version: 1 })
      .expect(200);
    expect(triaged.body.firstRespondedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5_000));
    const after = await detail(complaint.id);
    expect(after).toMatchObject({ state: 'triaged', firstResponseBreachedAt: null, overdue: [] });
  });
});
