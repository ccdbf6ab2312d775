import { UserRole } from '@callgrade/database';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { speech, stereoCall } from './support/audio-fixtures';
import { aTeam, aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { startTestApp, TestApp } from './support/test-app';

describe('Reading recordings: lists, filters, scoping, audio and its audit log', () => {
  let sut: TestApp;
  let admin: TestUser;
  let supervisor: TestUser;
  let agentA: TestUser;
  let agentB: TestUser;
  let teamA: string;
  const ids: Record<string, string> = {};
  const file = () => stereoCall('Thank you for calling Northwind, this is Sam.', 'I need help with my bill.');

  const upload = async (agent: TestUser, startedAt: string, audio = file()) => {
    const res = await sut.http
      .post('/api/v1/recordings')
      .set('Authorization', admin.auth)
      .field({ externalId: uniqueCallId(), agentId: agent.id, startedAt, direction: 'inbound' })
      .attach('file', audio)
      .expect(202);
    return res.body.id as string;
  };

  beforeAll(async () => {
    sut = await startTestApp({ OUTBOX_RELAY_ENABLED: 'false' });
    admin = await aUser(sut, UserRole.Admin);
    supervisor = await aUser(sut, UserRole.QaSupervisor);
    teamA = (await aTeam(sut, [supervisor.id])).id;
    agentA = await anAgent(sut, { teamId: teamA });
    agentB = await anAgent(sut);
    ids.a1 = await upload(agentA, '2026-11-02T09:00:00Z');
    ids.a2 = await upload(agentA, '2026-11-03T09:00:00Z', speech('A short mono call.'));
    ids.a3 = await upload(agentA, '2026-11-20T09:00:00Z', speech('Another short mono call.'));
    ids.b1 = await upload(agentB, '2026-11-04T09:00:00Z', speech('Agent B speaking.'));
  });
  afterAll(() => sut.close());

  const list = (auth: string, query = '') => sut.http.get(`/api/v1/recordings${query}`).set('Authorization', auth);

  it('shows an agent only their own calls, newest first', async () => {
    const res = await list(agentA.auth).expect(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([ids.a3, ids.a2, ids.a1]);
    expect(res.body.items[0]).toMatchObject({ agentId: agentA.id, agentName: agentA.displayName, status: 'received' });
    const asB = await list(agentB.auth).expect(200);
    expect(asB.body.items.map((r: { id: string }) => r.id)).toEqual([ids.b1]);
  });

  it('hides another agent’s call, its audio and metadata, as not found', async () => {
    await sut.http.get(`/api/v1/recordings/${ids.b1}`).set('Authorization', agentA.auth).expect(404);
    await sut.http.get(`/api/v1/recordings/${ids.b1}/audio`).set('Authorization', agentA.auth).expect(404);
    const filtered = await list(agentA.auth, `?agentId=${agentB.id}`).expect(200);
    expect(filtered.body.items).toEqual([]);
  });

  it('filters by agent, team, period and status, and pages with a total', async () => {
    const byTeam = await list(supervisor.auth, `?teamId=${teamA}`).expect(200);
    expect(byTeam.body.total).toBe(3);
    const inPeriod = await list(supervisor.auth, `?agentId=${agentA.id}&from=2026-11-03T00:00:00Z&to=2026-11-10T00:00:00Z`).expect(200);
    expect(inPeriod.body.items.map((r: { id: string }) => r.id)).toEqual([ids.a2]);
    const page2 = await list(supervisor.auth, `?agentId=${agentA.id}&pageSize=2&page=2`).expect(200);
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ id: ids.a1 }] });
    const none = await list(supervisor.auth, `?agentId=${agentA.id}&status=scored`).expect(200);
    expect(none.body.total).toBe(0);
  });

  it('names the bad filter', async () => {
    const res = await list(supervisor.auth, '?status=lost&from=yesterday&pageSize=5000').expect(422);
    expect(Object.keys(res.body.errors).sort()).toEqual(['from', 'pageSize', 'status']);
  });

  it('streams the audio whole or by byte range, and logs every access', async () => {
    const bytes = readFileSync(file());
    const whole = await sut.http
      .get(`/api/v1/recordings/${ids.a1}/audio`)
      .set('Authorization', agentA.auth)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(whole.headers['content-type']).toBe('audio/wav');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(Buffer.compare(whole.body, bytes)).toBe(0);

    const part = await sut.http
      .get(`/api/v1/recordings/${ids.a1}/audio`)
      .set('Authorization', supervisor.auth)
      .set('Range', 'bytes=100-199')
      .buffer(true)
      .parse(binary as never)
      .expect(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.compare(part.body, bytes.subarray(100, 200))).toBe(0);

    const tail = await sut.http
      .get(`/api/v1/recordings/${ids.a1}/audio`)
      .set('Authorization', supervisor.auth)
      .set('Range', 'bytes=-16')
      .buffer(true)
      .parse(binary as never)
      .expect(206);
    expect(Buffer.compare(tail.body, bytes.subarray(bytes.length - 16))).toBe(0);

    const bad = await sut.http
      .get(`/api/v1/recordings/${ids.a1}/audio`)
      .set('Authorization', supervisor.auth)
      .set('Range', `bytes=${bytes.length}-`)
      .expect(416);
    expect(bad.body.code).toBe('range_not_satisfiable');

    const audit = await sut
      .get(DataSource)
      .query(`SELECT actor_type, actor_id, action, details FROM audit_events WHERE resource_type = 'recording' AND resource_id = $1 ORDER BY id`, [ids.a1]);
    expect(audit).toEqual([
      { actor_type: 'user', actor_id: agentA.id, action: 'recording.audio.read', details: {} },
      { actor_type: 'user', actor_id: supervisor.id, action: 'recording.audio.read', details: { range: '100-199' } },
      { actor_type: 'user', actor_id: supervisor.id, action: 'recording.audio.read', details: { range: `${bytes.length - 16}-${bytes.length - 1}` } },
    ]);
  });

  it('keeps the audit log append-only at the database', async () => {
    const db = sut.get(DataSource);
    await expect(db.query(`UPDATE audit_events SET action = 'nothing'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });
});

function binary(res: NodeJS.ReadableStream & { setEncoding(e: string): void }, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
