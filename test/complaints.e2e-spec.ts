import { AuditLog } from '@callgrade/audit';
import { CallDirection, ChannelLayout, RecordingEntity, RecordingStatus, UserRole } from '@callgrade/database';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { aTeam, aUser, anAgent, anApiKey, TestUser, uniqueCallId } from './support/builders';
import { startTestApp, TestApp } from './support/test-app';

interface Complaint {
  id: string;
  state: string;
  version: number;
  customerReference: string | null;
  agentId: string;
  recordingId: string | null;
  allowedMoves: string[];
  history: { type: string; fromState: string | null; toState: string | null; actorType: string; version: number; changes: Record<string, unknown> }[];
}

describe('Complaints', () => {
  let sut: TestApp;
  let admin: TestUser;
  let supervisor: TestUser;
  let disputer: TestUser;
  let trainer: TestUser;
  let agent: TestUser;
  let apiKey: string;

  beforeAll(async () => {
    sut = await startTestApp({ COMPLAINT_TIMERS_ENABLED: 'false' });
    admin = await aUser(sut, UserRole.Admin);
    supervisor = await aUser(sut, UserRole.QaSupervisor);
    disputer = await aUser(sut, UserRole.DisputeTeam);
    trainer = await aUser(sut, UserRole.Trainer);
    const team = await aTeam(sut);
    agent = await anAgent(sut, { teamId: team.id });
    apiKey = (await anApiKey(sut, admin)).key;
  });
  afterAll(() => sut.close());

  const db = () => sut.get(DataSource);

  async function aCall(forAgent: TestUser = agent, startedAt = new Date()): Promise<{ id: string; externalId: string }> {
    const id = randomUUID();
    const externalId = uniqueCallId();
    await db()
      .getRepository(RecordingEntity)
      .insert({
        id,
        externalId,
        agentId: forAgent.id,
        teamId: forAgent.teamId,
        startedAt,
        direction: CallDirection.Inbound,
        channelLayout: ChannelLayout.Mono,
        sha256: 'c'.repeat(64),
        storageKey: `complaints-test/${id}.wav`,
        sizeBytes: 1000,
        container: 'wav',
        codec: 'pcm_s16le',
        durationMs: 180_000,
        channels: 1,
        sampleRate: 8000,
        status: RecordingStatus.Scored,
        autoScorePercent: 80,
        autoCriticalFailed: false,
      });
    return { id, externalId };
  }

  const body = (overrides: Record<string, unknown> = {}) => ({
    channel: 'phone',
    customerReference: `CUST-${randomUUID().slice(0, 8)}`,
    categoryKey: 'rudeness',
    severity: 'high',
    description: 'The agent hung up on me.',
    ...overrides,
  });

  async function aComplaint(overrides: Record<string, unknown> = {}): Promise<Complaint> {
    const call = await aCall();
    const res = await sut.http
      .post('/api/v1/complaints')
      .set('Authorization', supervisor.auth)
      .send(body({ recordingId: call.id, ...overrides }));
    expect(res.status).toBe(201);
    return res.body;
  }

  const move = (who: TestUser, complaint: { id: string; version: number }, move: string, extra: Record<string, unknown> = {}) =>
    sut.http
      .post(`/api/v1/complaints/${complaint.id}/transitions`)
      .set('Authorization', who.auth)
      .send({ move, version: complaint.version, ...extra });

  const countComplaints = async () => Number((await db().query(`SELECT count(*) AS n FROM complaints`))[0].n);

  describe('logging', () => {
    it('logs a complaint against a call, takes the agent from it, and sets both deadlines', async () => {
      const call = await aCall();
      const res = await sut.http
        .post('/api/v1/complaints')
        .set('Authorization', supervisor.auth)
        .send(body({ callId: call.externalId, customerReference: 'CUST-000123', description: '<script>alert(1)</script> rude\nagent' }))
        .expect(201);
      expect(res.body).toMatchObject({
        state: 'new',
        version: 1,
        recordingId: call.id,
        agentId: agent.id,
        teamId: agent.teamId,
        customerReference: '•••••••0123',
      });
      expect(res.body.category).toMatchObject({ key: 'rudeness', labelEn: 'Rudeness', labelZh: '态度恶劣' });
      expect(res.body.description).toBe('<script>alert(1)</script> rude\nagent');
      expect(new Date(res.body.firstResponseDueAt).getTime()).toBeGreaterThan(Date.now());
      expect(new Date(res.body.resolutionDueAt).getTime()).toBeGreaterThan(new Date(res.body.firstResponseDueAt).getTime());
      expect(res.body.history).toEqual([expect.objectContaining({ type: 'created', toState: 'new', actorType: 'user', version: 1 })]);
      // Both deadline timers are in the outbox, written with the complaint.
      const timers = await db().query(`SELECT job_id, deliver_at FROM outbox_messages WHERE payload->>'complaintId' = $1 ORDER BY deliver_at`, [res.body.id]);
      expect(timers.map((t: { job_id: string }) => t.job_id.split('.')[1])).toEqual(['first_response', 'resolution']);
      expect(new Date(timers[0].deliver_at).toISOString()).toBe(res.body.firstResponseDueAt);

      const forDisputeTeam = await sut.http.get(`/api/v1/complaints/${res.body.id}`).set('Authorization', disputer.auth).expect(200);
      expect(forDisputeTeam.body.customerReference).toBe('CUST-000123');
      const forTrainer = await sut.http.get(`/api/v1/complaints/${res.body.id}`).set('Authorization', trainer.auth).expect(200);
      expect(forTrainer.body.customerReference).toBe('•••••••0123');
    });

    it('masks the customer reference in every listing, and finds complaints by its exact value', async () => {
      const reference = `REF-${randomUUID()}`;
      const first = await aComplaint({ customerReference: reference });
      const second = await aComplaint({ customerReference: reference });
      await aComplaint();
      const res = await sut.http.get('/api/v1/complaints').query({ customerReference: reference }).set('Authorization', disputer.auth).expect(200);
      expect(res.body.total).toBe(2);
      expect(res.body.items.map((c: Complaint) => c.id).sort()).toEqual([first.id, second.id].sort());
      for (const item of res.body.items) expect(item.customerReference).toBe(`••••••••••••••••••••••••••••••••••••${reference.slice(-4)}`);
      const partial = await sut.http
        .get('/api/v1/complaints')
        .query({ customerReference: reference.slice(0, 10) })
        .set('Authorization', disputer.auth)
        .expect(200);
      expect(partial.body.total).toBe(0);
    });

    it('is idempotent on externalId for an API key: the same body returns the same complaint, another body is refused', async () => {
      const call = await aCall();
      const payload = body({ externalId: `CRM-${randomUUID()}`, recordingId: call.id, receivedAt: '2026-11-30T08:00:00.000Z' });
      const first = await sut.http.post('/api/v1/complaints').set('X-API-Key', apiKey).send(payload).expect(201);
      const again = await sut.http.post('/api/v1/complaints').set('X-API-Key', apiKey).send(payload).expect(200);
      expect(again.body.id).toBe(first.body.id);
      const before = await countComplaints();
      const other = await sut.http
        .post('/api/v1/complaints')
        .set('X-API-Key', apiKey)
        .send({ ...payload, severity: 'low' })
        .expect(409);
      expect(other.body).toMatchObject({ code: 'conflict', errors: { externalId: 'was already used for a different complaint' } });
      expect(await countComplaints()).toBe(before);
      // Ten identical posts at once still make one complaint.
      const burst = body({ externalId: `CRM-${randomUUID()}`, recordingId: call.id });
      const results = await Promise.all(Array.from({ length: 10 }, () => sut.http.post('/api/v1/complaints').set('X-API-Key', apiKey).send(burst)));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    });

    it('is idempotent on externalId for users too, separately from other clients', async () => {
      const externalId = `TICKET-${randomUUID()}`;
      const payload = body({ externalId, agentId: agent.id });
      const first = await sut.http.post('/api/v1/complaints').set('Authorization', supervisor.auth).send(payload).expect(201);
      expect((await sut.http.post('/api/v1/complaints').set('Authorization', supervisor.auth).send(payload).expect(200)).body.id).toBe(first.body.id);
      expect((await sut.http.post('/api/v1/complaints').set('Authorization', disputer.auth).send(payload).expect(201)).body.id).not.toBe(first.body.id);
    });

    it.each([
      ['an unknown call', { recordingId: randomUUID() }, 'recordingId', 'no such recording'],
      ['an unknown call id', { recordingId: undefined, callId: 'no-such-call' }, 'callId', 'no recording has this call id'],
      ['an unknown category', { categoryKey: 'weather' }, 'categoryKey', 'no such category'],
      [
        'a card number as the customer reference',
        { customerReference: '4111 1111 1111 1111' },
        'customerReference',
        expect.stringMatching(/^looks like a payment card number/),
      ],
      ['an oversize description', { description: 'x'.repeat(10_001) }, 'description', 'must be at most 10000 characters (got 10001)'],
      ['control characters in the description', { description: 'rude\u0007agent' }, 'description', 'must not contain control characters'],
      ['a NUL byte in the description', { description: 'rude\u0000agent' }, 'description', 'must not contain NUL characters'],
      ['a call and no agent', { recordingId: undefined }, 'agentId', 'is required when the call is not given'],
      ['a bad severity', { severity: 'urgent' }, 'severity', expect.stringContaining('severity must be one of')],
    ])('refuses %s with 422 naming the field, storing nothing', async (_what, overrides, field, problem) => {
      const call = await aCall();
      const before = await countComplaints();
      const res = await sut.http
        .post('/api/v1/complaints')
        .set('Authorization', supervisor.auth)
        .send(body({ recordingId: call.id, ...overrides }));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ statusCode: 422, code: 'validation_failed' });
      expect(res.body.errors[field]).toEqual(problem);
      expect(await countComplaints()).toBe(before);
    });

    it('keeps agents and trainers from logging complaints', async () => {
      await sut.http
        .post('/api/v1/complaints')
        .set('Authorization', agent.auth)
        .send(body({ agentId: agent.id }))
        .expect(403);
      await sut.http
        .post('/api/v1/complaints')
        .set('Authorization', trainer.auth)
        .send(body({ agentId: agent.id }))
        .expect(403);
    });
  });

  describe('lifecycle', () => {
    it('walks every legal move, appending each to the history', async () => {
      let c = await aComplaint();
      const walk: [TestUser, string, string, Record<string, unknown>?][] = [
        [supervisor, 'triage', 'triaged'],
        [supervisor, 'investigate', 'investigating'],
        [supervisor, 'escalate', 'escalated'],
        [disputer, 'resolve', 'resolved', { outcome: 'partly_upheld', remedy: 'Apology and a credit', customerTold: 'We apologised and credited ¥50' }],
        [disputer, 'close', 'closed'],
        [disputer, 'reopen', 'reopened'],
        [supervisor, 'investigate', 'investigating'],
        [supervisor, 'resolve', 'resolved', { outcome: 'upheld', customerTold: 'Upheld' }],
        [admin, 'reopen', 'reopened'],
        [admin, 'escalate', 'escalated'],
        [admin, 'resolve', 'resolved', { outcome: 'not_upheld', customerTold: 'Not upheld' }],
      ];
      for (const [who, via, to, extra] of walk) {
        const res = await move(who, c, via, extra);
        expect({ via, status: res.status, state: res.body.state }).toEqual({ via, status: 200, state: to });
        c = res.body;
      }
      expect(c.version).toBe(walk.length + 1);
      expect(c.history.map((e) => `${e.fromState ?? ''}>${e.toState}`)).toEqual([
        '>new',
        ...walk.map(([, , to], i) => `${i === 0 ? 'new' : walk[i - 1][2]}>${to}`),
      ]);

      const fromNew = await aComplaint();
      expect((await move(supervisor, fromNew, 'escalate')).body.state).toBe('escalated');
      const straight = await aComplaint();
      const resolved = await move(supervisor, straight, 'resolve', { outcome: 'not_upheld', customerTold: 'Explained the policy' });
      expect(resolved.body).toMatchObject({ state: 'resolved', outcome: 'not_upheld' });
      expect(resolved.body.firstRespondedAt).not.toBeNull();
      const triaged = await move(supervisor, await aComplaint(), 'triage');
      expect((await move(supervisor, triaged.body, 'escalate')).body.state).toBe('escalated');
      const triaged2 = await move(supervisor, await aComplaint(), 'triage');
      expect((await move(supervisor, triaged2.body, 'resolve', { outcome: 'upheld', customerTold: 'Sorry' })).body.state).toBe('resolved');
      const investigating = await move(supervisor, (await move(supervisor, await aComplaint(), 'triage')).body, 'investigate');
      expect((await move(supervisor, investigating.body, 'resolve', { outcome: 'upheld', customerTold: 'Sorry' })).body.state).toBe('resolved');
    });

    it.each([
      ['new', 'close', 'triage, escalate, resolve'],
      ['new', 'investigate', 'triage, escalate, resolve'],
      ['new', 'reopen', 'triage, escalate, resolve'],
    ])('refuses to move a %s complaint by %s with 409 naming the state and allowed moves', async (_state, via, allowed) => {
      const c = await aComplaint();
      const res = await move(admin, c, via).expect(409);
      expect(res.body.message).toBe(`cannot ${via} a complaint that is new; allowed: ${allowed}`);
    });

    it('refuses illegal moves from later states too, changing nothing', async () => {
      const c = (await move(supervisor, await aComplaint(), 'escalate')).body;
      const res = await move(disputer, c, 'triage').expect(409);
      expect(res.body.message).toBe('cannot triage a complaint that is escalated; allowed: resolve');
      const closed = (await move(disputer, (await move(disputer, c, 'resolve', { outcome: 'upheld', customerTold: 'Sorry' })).body, 'close')).body;
      expect((await move(disputer, closed, 'close').expect(409)).body.message).toBe('cannot close a complaint that is closed; allowed: reopen');
      const after = await sut.http.get(`/api/v1/complaints/${c.id}`).set('Authorization', admin.auth).expect(200);
      expect(after.body).toMatchObject({ state: 'closed', version: closed.version });
    });

    it('lets each role make only its own moves', async () => {
      const c = await aComplaint();
      await move(agent, c, 'triage').expect(403);
      await move(trainer, c, 'triage').expect(403);
      await sut.http.post(`/api/v1/complaints/${c.id}/transitions`).set('X-API-Key', apiKey).send({ move: 'triage', version: c.version }).expect(403);
      const escalated = (await move(disputer, c, 'escalate')).body;
      const res = await move(supervisor, escalated, 'resolve', { outcome: 'upheld', customerTold: 'Sorry' }).expect(403);
      expect(res.body.message).toBe('qa supervisor may not resolve a complaint that is escalated');
      expect(escalated.allowedMoves).toEqual(['resolve']);
      const seenBySupervisor = await sut.http.get(`/api/v1/complaints/${c.id}`).set('Authorization', supervisor.auth).expect(200);
      expect(seenBySupervisor.body.allowedMoves).toEqual([]);
      await move(disputer, escalated, 'resolve', { outcome: 'upheld', customerTold: 'Sorry' }).expect(200);
    });

    it('needs the outcome and what the customer was told to resolve', async () => {
      const c = await aComplaint();
      expect((await move(supervisor, c, 'resolve', { customerTold: 'x' }).expect(422)).body.errors).toHaveProperty('outcome');
      expect((await move(supervisor, c, 'resolve', { outcome: 'upheld' }).expect(422)).body.errors).toHaveProperty('customerTold');
      expect((await move(supervisor, c, 'triage', { outcome: 'upheld' }).expect(422)).body.errors).toEqual({ outcome: 'is only given when resolving' });
    });

    it('refuses a stale version with 409 and the current version, and lets exactly one of two concurrent edits through', async () => {
      const c = await aComplaint();
      await move(supervisor, c, 'triage').expect(200);
      const stale = await move(disputer, c, 'escalate').expect(409);
      expect(stale.body.errors).toEqual({ version: 'is 1; the current version is 2' });

      const fresh = await aComplaint();
      const [a, b] = await Promise.all([move(supervisor, fresh, 'triage'), move(disputer, fresh, 'escalate')]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const after = await sut.http.get(`/api/v1/complaints/${fresh.id}`).set('Authorization', admin.auth).expect(200);
      expect(after.body.version).toBe(2);
      expect(after.body.history).toHaveLength(2);
    });

    it('corrects the severity with new deadlines, recording what changed, and refuses a stale edit', async () => {
      const c = await aComplaint({ severity: 'low', receivedAt: '2026-11-27T09:00:00.000Z' });
      const res = await sut.http
        .patch(`/api/v1/complaints/${c.id}`)
        .set('Authorization', disputer.auth)
        .send({ version: 1, severity: 'critical', note: 'Customer is a regulator' })
        .expect(200);
      // Default settings: Asia/Shanghai, Mon-Fri 09:00-18:00. Friday 17:00 local + 1 working hour is Friday 18:00 (10:00Z); + 9 hours is Monday 17:00 (09:00Z).
      expect(res.body).toMatchObject({
        severity: 'critical',
        version: 2,
        firstResponseDueAt: '2026-11-27T10:00:00.000Z',
        resolutionDueAt: '2026-11-30T09:00:00.000Z',
      });
      expect(res.body.history.at(-1)).toMatchObject({
        type: 'updated',
        note: 'Customer is a regulator',
        changes: { severity: { from: 'low', to: 'critical' }, resolutionDueAt: { to: '2026-11-30T09:00:00.000Z' } },
      });
      const stale = await sut.http.patch(`/api/v1/complaints/${c.id}`).set('Authorization', supervisor.auth).send({ version: 1, severity: 'high' }).expect(409);
      expect(stale.body.errors).toEqual({ version: 'is 1; the current version is 2' });
      await sut.http.patch(`/api/v1/complaints/${c.id}`).set('Authorization', trainer.auth).send({ version: 2, severity: 'high' }).expect(403);
      const bad = await sut.http
        .patch(`/api/v1/complaints/${c.id}`)
        .set('Authorization', supervisor.auth)
        .send({ version: 2, categoryId: randomUUID() })
        .expect(422);
      expect(bad.body.errors).toEqual({ categoryId: 'no such category' });
    });

    it('reopens only within the configured window', async () => {
      const c = await aComplaint();
      const resolved = (await move(supervisor, c, 'resolve', { outcome: 'upheld', customerTold: 'Sorry' })).body;
      const settings = (await sut.http.get('/api/v1/complaint-settings').set('Authorization', admin.auth).expect(200)).body;
      await sut.http
        .put('/api/v1/complaint-settings')
        .set('Authorization', admin.auth)
        .send({ ...settings, reopenWindowHours: 0 })
        .expect(200);
      try {
        const res = await move(supervisor, resolved, 'reopen').expect(409);
        expect(res.body.message).toMatch(/^the reopen window closed at /);
      } finally {
        await sut.http.put('/api/v1/complaint-settings').set('Authorization', admin.auth).send(settings).expect(200);
      }
      expect((await move(supervisor, resolved, 'reopen').expect(200)).body.state).toBe('reopened');
    });

    it('keeps the history append-only in the database', async () => {
      const c = await aComplaint();
      await expect(db().query(`UPDATE complaint_events SET note = 'rewritten' WHERE complaint_id = $1`, [c.id])).rejects.toThrow(
        /complaint_events is append-only/,
      );
      await expect(db().query(`DELETE FROM complaint_events WHERE complaint_id = $1`, [c.id])).rejects.toThrow(/complaint_events is append-only/);
    });
  });

  describe('agents', () => {
    it('lets the agent give an account while investigated, and see the complaint only once upheld, never the customer reference', async () => {
      const c = await aComplaint({ customerReference: 'CUST-SECRET-77' });
      await sut.http.get(`/api/v1/complaints/${c.id}`).set('Authorization', agent.auth).expect(404);
      await sut.http.post(`/api/v1/complaints/${c.id}/agent-account`).set('Authorization', agent.auth).send({ account: 'Line dropped' }).expect(409);
      const investigating = (await move(supervisor, (await move(supervisor, c, 'triage')).body, 'investigate')).body;
      const other = await anAgent(sut);
      await sut.http.post(`/api/v1/complaints/${c.id}/agent-account`).set('Authorization', other.auth).send({ account: 'Not me' }).expect(404);
      await sut.http
        .post(`/api/v1/complaints/${c.id}/agent-account`)
        .set('Authorization', agent.auth)
        .send({ account: 'The line dropped; I called back.' })
        .expect(200);
      const current = (await sut.http.get(`/api/v1/complaints/${c.id}`).set('Authorization', supervisor.auth).expect(200)).body;
      expect(current).toMatchObject({ agentAccount: 'The line dropped; I called back.', version: investigating.version + 1 });
      await move(supervisor, current, 'resolve', { outcome: 'upheld', customerTold: 'Apologised' }).expect(200);

      const seen = await sut.http.get(`/api/v1/complaints/${c.id}`).set('Authorization', agent.auth).expect(200);
      expect(seen.body).toMatchObject({ id: c.id, outcome: 'upheld', state: 'resolved' });
      expect(seen.body).not.toHaveProperty('customerReference');
      expect(JSON.stringify(seen.body)).not.toContain('SECRET');
      const list = await sut.http.get('/api/v1/complaints').set('Authorization', agent.auth).expect(200);
      expect(list.body.items.map((i: Complaint) => i.id)).toContain(c.id);
      expect(JSON.stringify(list.body)).not.toContain('CUST-');
      await sut.http.get(`/api/v1/complaints/${c.id}`).set('Authorization', other.auth).expect(404);

      const notUpheld = await aComplaint();
      await move(supervisor, notUpheld, 'resolve', { outcome: 'not_upheld', customerTold: 'Explained' }).expect(200);
      await sut.http.get(`/api/v1/complaints/${notUpheld.id}`).set('Authorization', agent.auth).expect(404);
    });
  });

  describe('categories and settings', () => {
    it('lets admins add and retire bilingual categories, seeded with the usual seven', async () => {
      const seeded = await sut.http.get('/api/v1/complaint-categories').set('Authorization', agent.auth).expect(200);
      expect(seeded.body.map((c: { key: string }) => c.key)).toEqual(
        expect.arrayContaining(['rudeness', 'wrong_information', 'long_wait', 'not_resolved', 'privacy', 'billing', 'low_satisfaction']),
      );
      const key = `k_${randomUUID().slice(0, 8)}`;
      await sut.http.post('/api/v1/complaint-categories').set('Authorization', supervisor.auth).send({ key, labelEn: 'X', labelZh: '某' }).expect(403);
      const created = await sut.http
        .post('/api/v1/complaint-categories')
        .set('Authorization', admin.auth)
        .send({ key, labelEn: 'Hold music', labelZh: '等待音乐' })
        .expect(201);
      await sut.http.post('/api/v1/complaint-categories').set('Authorization', admin.auth).send({ key, labelEn: 'Again', labelZh: '再次' }).expect(409);
      const bad = await sut.http
        .post('/api/v1/complaint-categories')
        .set('Authorization', admin.auth)
        .send({ key: 'Bad Key', labelEn: ' ', labelZh: 'ok' })
        .expect(422);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['key', 'labelEn']);
      await aComplaint({ categoryKey: key });
      await sut.http.patch(`/api/v1/complaint-categories/${created.body.id}`).set('Authorization', admin.auth).send({ active: false }).expect(200);
      const call = await aCall();
      const refused = await sut.http
        .post('/api/v1/complaints')
        .set('Authorization', supervisor.auth)
        .send(body({ recordingId: call.id, categoryKey: key }))
        .expect(422);
      expect(refused.body.errors).toEqual({ categoryKey: 'no such category' });
      const audit = await sut.get(AuditLog).forResource('complaint_category', created.body.id);
      expect(audit.map((e) => e.action)).toEqual(['complaint_category.created', 'complaint_category.updated']);
    });

    it('refuses bad settings naming each field, and keeps the old ones', async () => {
      const before = (await sut.http.get('/api/v1/complaint-settings').set('Authorization', admin.auth).expect(200)).body;
      const res = await sut.http
        .put('/api/v1/complaint-settings')
        .set('Authorization', admin.auth)
        .send({ ...before, timeZone: 'Mars/Base', businessHours: { ...before.businessHours, start: '18:00', end: '09:00' } })
        .expect(422);
      expect(res.body.errors).toEqual({ timeZone: 'is not a time zone name (e.g. Asia/Shanghai)', 'businessHours.end': 'must be after businessHours.start' });
      expect((await sut.http.get('/api/v1/complaint-settings').set('Authorization', admin.auth).expect(200)).body).toEqual(before);
    });
  });

  describe('sampling', () => {
    it('feeds an upheld complaint on a call to the linked_complaint sampling rule', async () => {
      const team = await aTeam(sut);
      const sampled = await anAgent(sut, { teamId: team.id });
      const start = Date.UTC(2026, 5, 1);
      const week = 7 * 24 * 3600 * 1000;
      const calls = [];
      for (let i = 0; i < 6; i++) calls.push(await aCall(sampled, new Date(start + (i + 1) * 3600 * 1000)));
      const target = calls[4];
      const logged = await sut.http
        .post('/api/v1/complaints')
        .set('Authorization', supervisor.auth)
        .send(body({ recordingId: target.id }))
        .expect(201);
      await move(supervisor, logged.body, 'resolve', { outcome: 'upheld', customerTold: 'Sorry' }).expect(200);
      const plan = await sut.http
        .post('/api/v1/sampling-plans')
        .set('Authorization', supervisor.auth)
        .send({
          name: `Complaints ${randomUUID().slice(0, 8)}`,
          period: 'week',
          quotaPerAgent: 0,
          teamIds: [team.id],
          reviewerIds: [supervisor.id],
          targetedRules: [{ id: 'complaint', kind: 'linked_complaint' }],
        })
        .expect(201);
      const run = await sut.http
        .post(`/api/v1/sampling-plans/${plan.body.id}/runs`)
        .set('Authorization', supervisor.auth)
        .send({ periodStart: new Date(start).toISOString() })
        .expect(201);
      expect(new Date(run.body.periodEnd).getTime() - new Date(run.body.periodStart).getTime()).toBe(week);
      const assignments = (await sut.http.get(`/api/v1/sampling-runs/${run.body.id}`).set('Authorization', supervisor.auth).expect(200)).body.assignments;
      expect(assignments.map((a: { recordingId: string; reason: { ruleId: string } }) => [a.recordingId, a.reason.ruleId])).toEqual([[target.id, 'complaint']]);
    });
  });
});
