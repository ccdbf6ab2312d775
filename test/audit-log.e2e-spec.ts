import { AuditEventView } from '@callgrade/audit';
import { UserRole } from '@callgrade/database';
import { parse } from 'csv-parse/sync';
import { asText } from './support/as-text';
import { speech } from './support/audio-fixtures';
import { aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { startTestApp, TestApp } from './support/test-app';

/** An audit event as JSON: the view with its time as text. */
type AuditItem = Omit<AuditEventView, 'at'> & { at: string };

describe('Reading the audit log: admins and auditors, filtered, paged and as CSV', () => {
  let sut: TestApp;
  let admin: TestUser;
  let auditor: TestUser;
  let supervisor: TestUser;
  let agent: TestUser;
  let recordingId: string;
  const startedAt = new Date().toISOString();

  const read = (auth: string, query = '') => sut.http.get(`/api/v1/audit-events${query}`).set('Authorization', auth);

  beforeAll(async () => {
    sut = await startTestApp({ OUTBOX_RELAY_ENABLED: 'false' });
    admin = await aUser(sut, UserRole.Admin);
    auditor = await aUser(sut, UserRole.Auditor);
    supervisor = await aUser(sut, UserRole.QaSupervisor, { displayName: '=HYPERLINK("http://evil.example","click")' });
    agent = await anAgent(sut);
    const res = await sut.http
      .post('/api/v1/recordings')
      .set('Authorization', admin.auth)
      .field({ externalId: uniqueCallId(), agentId: agent.id, startedAt, direction: 'inbound' })
      .attach('file', speech('A short call for the audit log.'))
      .expect(202);
    recordingId = res.body.id;
  });
  afterAll(() => sut.close());

  it('shows who played which recording, when, from where, with which range', async () => {
    const before = Date.now();
    await sut.http
      .get(`/api/v1/recordings/${recordingId}/audio`)
      .set('Authorization', supervisor.auth)
      .set('User-Agent', 'QA player/2.1')
      .set('Range', 'bytes=10-99')
      .expect(206);
    await sut.http.get(`/api/v1/recordings/${recordingId}/audio`).set('Authorization', agent.auth).set('User-Agent', 'Agent browser').expect(200);

    const res = await read(auditor.auth, `?recordingId=${recordingId}`).expect(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    const [latest, first] = res.body.items as AuditItem[];
    expect(first).toMatchObject({
      actor: { type: 'user', id: supervisor.id, name: supervisor.displayName, email: supervisor.email },
      action: 'recording.audio.read',
      resourceType: 'recording',
      resourceId: recordingId,
      userAgent: 'QA player/2.1',
      range: '10-99',
    });
    expect(first.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(new Date(first.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(latest).toMatchObject({ actor: { id: agent.id }, userAgent: 'Agent browser', range: null });
  });

  it('records role changes, new users, API keys, teams and settings changes made through the API', async () => {
    const promoted = await anAgent(sut);
    await sut.http.patch(`/api/v1/users/${promoted.id}`).set('Authorization', admin.auth).send({ role: 'qa_supervisor', externalId: null }).expect(200);
    const created = await sut.http
      .post('/api/v1/users')
      .set('Authorization', admin.auth)
      .send({ email: `new-${promoted.id.slice(0, 8)}@callgrade.test`, displayName: 'New Trainer', password: 'a-long-password', role: 'trainer' })
      .expect(201);
    const key = await sut.http.post('/api/v1/api-keys').set('Authorization', admin.auth).send({ name: 'PBX for audit' }).expect(201);
    await sut.http.delete(`/api/v1/api-keys/${key.body.id}`).set('Authorization', admin.auth).expect(200);
    const team = await sut.http
      .post('/api/v1/teams')
      .set('Authorization', admin.auth)
      .send({ name: `Audit team ${promoted.id.slice(0, 8)}` })
      .expect(201);
    await sut.http.put('/api/v1/review-settings').set('Authorization', admin.auth).send({ disputeWindowHours: 72 }).expect(200);

    const byAdmin = (await read(auditor.auth, `?actorId=${admin.id}&pageSize=200`).expect(200)).body.items as AuditItem[];
    const find = (action: string, resourceId?: string) => byAdmin.find((e) => e.action === action && (!resourceId || e.resourceId === resourceId));
    expect(find('user.updated', promoted.id)?.details).toEqual({
      roleBefore: 'agent',
      role: 'qa_supervisor',
      externalIdBefore: promoted.externalId,
      externalId: null,
    });
    expect(find('user.created', created.body.id)?.details).toMatchObject({ role: 'trainer' });
    expect(find('api_key.issued', key.body.id)?.details).toMatchObject({ name: 'PBX for audit' });
    expect(find('api_key.revoked', key.body.id)).toBeDefined();
    expect(find('team.created', team.body.id)).toBeDefined();
    expect(find('review_settings.updated')?.details).toMatchObject({ disputeWindowHours: 72 });
  });

  it('filters by action, resource type and period, and pages', async () => {
    const roleChanges = await read(admin.auth, `?action=user.updated&resourceType=user&actorId=${admin.id}`).expect(200);
    expect(roleChanges.body.items.length).toBeGreaterThan(0);
    expect(roleChanges.body.items.every((e: AuditItem) => e.action === 'user.updated' && e.resourceType === 'user')).toBe(true);

    const future = await read(auditor.auth, `?from=${new Date(Date.now() + 3_600_000).toISOString()}`).expect(200);
    expect(future.body).toMatchObject({ total: 0, items: [] });
    const past = await read(auditor.auth, `?recordingId=${recordingId}&to=2000-01-01T00:00:00Z`).expect(200);
    expect(past.body.total).toBe(0);

    const page2 = await read(auditor.auth, `?recordingId=${recordingId}&pageSize=1&page=2`).expect(200);
    expect(page2.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.body.items[0].actor.id).toBe(supervisor.id);
  });

  it('exports the filtered log as CSV with formulas neutralised, and logs the export', async () => {
    const res = await sut.http
      .get(`/api/v1/audit-events/export?recordingId=${recordingId}`)
      .set('Authorization', auditor.auth)
      .buffer(true)
      .parse(asText)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('audit-log.csv');
    const rows = parse<Record<string, string>>(res.body as string, { columns: true });
    expect(rows.map((r) => r.actor_id)).toEqual([supervisor.id, agent.id]);
    expect(rows[0]).toMatchObject({ action: 'recording.audio.read', range: '10-99', user_agent: 'QA player/2.1', actor_name: `'${supervisor.displayName}` });
    expect(rows[1].range).toBe('');

    const exports = await read(admin.auth, `?action=audit_log.exported&actorId=${auditor.id}`).expect(200);
    expect(exports.body.items[0].details).toMatchObject({ recordingId });
  });

  it('refuses everyone but admins and auditors, and keeps auditors away from calls', async () => {
    for (const user of [supervisor, agent, await aUser(sut, UserRole.Trainer), await aUser(sut, UserRole.DisputeTeam)]) {
      await read(user.auth).expect(403);
      await sut.http.get('/api/v1/audit-events/export').set('Authorization', user.auth).expect(403);
    }
    await sut.http.get('/api/v1/recordings').set('Authorization', auditor.auth).expect(403);
    await sut.http.get(`/api/v1/recordings/${recordingId}/audio`).set('Authorization', auditor.auth).expect(403);
  });

  it('names each bad filter', async () => {
    const res = await read(auditor.auth, '?actorId=someone&from=yesterday&action=DROP%20TABLE&pageSize=0').expect(422);
    expect(Object.keys(res.body.errors).sort()).toEqual(['action', 'actorId', 'from', 'pageSize']);
  });
});
