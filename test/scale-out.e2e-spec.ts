import { UserRole } from '@callgrade/database';
import { Worker } from 'bullmq';
import { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { ScoringWorker } from '../apps/worker/src/scoring.worker';
import { silence } from './support/audio-fixtures';
import { aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { eventually } from './support/eventually';
import { conversation, GOOD_CALL } from './support/scored-calls';
import { connectAs } from './support/sockets';
import { startTestApp, TestApp } from './support/test-app';

interface StatusEvent {
  recordingId: string;
  status: string;
}

/**
 * Two instances of the platform against one PostgreSQL and one Redis, as behind a load balancer: the
 * outbox relay and the scoring worker run in both, clients are connected to either.
 */
describe('Several instances share the queues and the live events', () => {
  const CALLS = 12;
  let a: TestApp;
  let b: TestApp;
  let admin: TestUser;
  let supervisor: TestUser;
  let agent: TestUser;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    [a, b] = [await startTestApp({ SCORING_WORKER_ENABLED: 'true' }), await startTestApp({ SCORING_WORKER_ENABLED: 'true' })];
    await a.app.listen(0);
    await b.app.listen(0);
    admin = await aUser(a, UserRole.Admin);
    supervisor = await aUser(a, UserRole.QaSupervisor);
    agent = await anAgent(a);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await a.close();
    await b.close();
  });

  const listen = async (app: TestApp, user: TestUser) => {
    const socket = await connectAs(app, user);
    sockets.push(socket);
    const events: StatusEvent[] = [];
    socket.on('recording.status', (e: StatusEvent) => events.push(e));
    return events;
  };
  // The BullMQ worker inside each instance's scoring processor.
  const scoringWorkerOf = (app: TestApp) => app.get(ScoringWorker)['worker'] as Worker;

  it('scores every call exactly once between two workers, and each client hears each change once, whichever instance it is on', async () => {
    const agentOnB = await listen(b, agent);
    const supervisorOnA = await listen(a, supervisor);
    const supervisorOnB = await listen(b, supervisor);
    const processedBy = new Map<string, string[]>();
    for (const [name, app] of [
      ['a', a],
      ['b', b],
    ] as const) {
      scoringWorkerOf(app).on('completed', (job) => processedBy.set(job.id!, [...(processedBy.get(job.id!) ?? []), name]));
    }

    const ids: string[] = [];
    for (let i = 0; i < CALLS; i++) {
      const res = await (i % 2 ? b : a).http
        .post('/api/v1/recordings')
        .set('Authorization', admin.auth)
        .field({
          externalId: uniqueCallId(),
          agentId: agent.id,
          startedAt: new Date().toISOString(),
          direction: 'inbound',
          transcript: JSON.stringify(conversation(GOOD_CALL)),
        })
        .attach('file', silence(30))
        .expect(202);
      ids.push(res.body.id as string);
    }
    const db = a.get(DataSource);
    await eventually(async () => {
      const [{ scored }] = await db.query(`SELECT count(*)::int AS scored FROM recordings WHERE id = ANY($1) AND status = 'scored'`, [ids]);
      return scored === CALLS;
    }, 60_000);
    await eventually(
      async () =>
        agentOnB.filter((e) => ids.includes(e.recordingId) && e.status === 'scored').length === CALLS &&
        supervisorOnA.filter((e) => e.status === 'scored').length >= CALLS,
    );

    const scores = await db.query(`SELECT recording_id, count(*)::int AS n FROM auto_scores WHERE recording_id = ANY($1) GROUP BY recording_id`, [ids]);
    expect(scores).toHaveLength(CALLS);
    expect(scores.every((s: { n: number }) => s.n === 1)).toBe(true);
    const runs = [...processedBy.entries()].filter(([jobId]) => ids.some((id) => jobId.startsWith(id)));
    // Other test files' workers may share the queue in a parallel run: count only what these two saw.
    expect(runs.length).toBeLessThanOrEqual(CALLS);
    expect(runs.every(([, by]) => by.length === 1)).toBe(true);
    const byInstance = (name: string) => runs.filter(([, by]) => by[0] === name).length;
    expect({ a: byInstance('a') > 0, b: byInstance('b') > 0 }).toEqual({ a: true, b: true });

    for (const events of [agentOnB, supervisorOnA, supervisorOnB]) {
      const scoredEvents = events.filter((e) => ids.includes(e.recordingId) && e.status === 'scored').map((e) => e.recordingId);
      expect(scoredEvents.sort()).toEqual([...ids].sort());
    }
  });
});
