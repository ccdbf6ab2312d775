import { AuditLog } from '@callgrade/audit';
import { CallDirection, ChannelLayout, ComplaintEntity, RecordingEntity, RecordingStatus, UserRole } from '@callgrade/database';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { aTeam, aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface InboxItem {
  kind: string;
  id: string;
  deadline: string;
  overdue: string[];
  severity: string | null;
  assigneeId: string | null;
  customerReference: string | null;
}

describe('Dispute inbox and complaint report', () => {
  let sut: TestApp;
  let admin: TestUser;
  let supervisor: TestUser;
  let disputer: TestUser;
  let otherDisputer: TestUser;

  beforeAll(async () => {
    sut = await startTestApp({ COMPLAINT_TIMERS_ENABLED: 'false' });
    admin = await aUser(sut, UserRole.Admin);
    supervisor = await aUser(sut, UserRole.QaSupervisor);
    disputer = await aUser(sut, UserRole.DisputeTeam);
    otherDisputer = await aUser(sut, UserRole.DisputeTeam);
  });
  afterAll(() => sut.close());

  const db = () => sut.get(DataSource);

  async function aCall(agent: TestUser): Promise<string> {
    const id = randomUUID();
    await db()
      .getRepository(RecordingEntity)
      .insert({
        id,
        externalId: uniqueCallId(),
        agentId: agent.id,
        teamId: agent.teamId,
        startedAt: new Date(),
        direction: CallDirection.Inbound,
        channelLayout: ChannelLayout.Mono,
        sha256: 'd'.repeat(64),
        storageKey: `inbox-test/${id}.wav`,
        sizeBytes: 1000,
        container: 'wav',
        codec: 'pcm_s16le',
        durationMs: 120_000,
        channels: 1,
        sampleRate: 8000,
        status: RecordingStatus.Scored,
        autoScorePercent: 70,
        autoCriticalFailed: false,
      });
    return id;
  }

  /** An agent's open dispute of an evaluation, raised at `raisedAt` (set-up data: the evaluation loop has its own tests). */
  async function anOpenDispute(agent: TestUser, reviewer: TestUser, raisedAt: Date): Promise<{ disputeId: string; evaluationId: string }> {
    const recordingId = await aCall(agent);
    const [version] = await db().query(`SELECT id FROM scorecard_versions ORDER BY created_at LIMIT 1`);
    const [evaluation] = await db().query(
      `INSERT INTO evaluations (recording_id, agent_id, reviewer_id, scorecard_version_id, state, revision, submitted_at) VALUES ($1, $2, $3, $4, 'disputed', 1, $5) RETURNING id`,
      [recordingId, agent.id, reviewer.id, version.id, raisedAt],
    );
    const [dispute] = await db().query(
      `INSERT INTO evaluation_disputes (evaluation_id, raised_by, criteria, reason, status, created_at) VALUES ($1, $2, '{greeting}', 'I did greet', 'open', $3) RETURNING id`,
      [evaluation.id, agent.id, raisedAt],
    );
    return { disputeId: dispute.id, evaluationId: evaluation.id };
  }

  async function anEscalatedComplaint(agent: TestUser, receivedAt: Date, severity = 'high', categoryKey = 'rudeness') {
    const logged = await sut.http
      .post('/api/v1/complaints')
      .set('Authorization', supervisor.auth)
      .send({
        channel: 'phone',
        customerReference: `CUST-${randomUUID().slice(0, 8)}`,
        recordingId: await aCall(agent),
        categoryKey,
        severity,
        description: 'Rude',
        receivedAt: receivedAt.toISOString(),
      })
      .expect(201);
    const res = await sut.http
      .post(`/api/v1/complaints/${logged.body.id}/transitions`)
      .set('Authorization', supervisor.auth)
      .send({ move: 'escalate', version: 1 })
      .expect(200);
    return res.body as { id: string; resolutionDueAt: string; version: number };
  }

  const inbox = (query: Record<string, string>, who: TestUser = disputer) => sut.http.get('/api/v1/dispute-inbox').query(query).set('Authorization', who.auth);

  describe('inbox', () => {
    it('mixes escalated complaints and disputed evaluations in deadline order, with what is overdue, and lets the team claim and assign', async () => {
      const team = await aTeam(sut);
      const agent = await anAgent(sut, { teamId: team.id });
      const reviewer = await aUser(sut, UserRole.QaSupervisor);
      const now = Date.now();
      const late = await anEscalatedComplaint(agent, new Date(now - 30 * 24 * HOUR), 'critical', 'billing');
      const soon = await anEscalatedComplaint(agent, new Date(now - HOUR), 'high', 'rudeness');
      // The default complaint settings give the dispute team 72 calendar hours per dispute.
      const disputeHours = 72;
      // One dispute due a minute after each complaint, one due long after both.
      const afterLate = await anOpenDispute(agent, reviewer, new Date(new Date(late.resolutionDueAt).getTime() - disputeHours * HOUR + MINUTE));
      const afterSoon = await anOpenDispute(agent, reviewer, new Date(new Date(soon.resolutionDueAt).getTime() - disputeHours * HOUR + MINUTE));
      const last = await anOpenDispute(agent, reviewer, new Date(now + 400 * 24 * HOUR));

      const page = await inbox({ teamId: team.id }).expect(200);
      expect(page.body.total).toBe(5);
      expect(page.body.items.map((i: InboxItem) => [i.kind, i.id])).toEqual([
        ['complaint', late.id],
        ['evaluation_dispute', afterLate.disputeId],
        ['complaint', soon.id],
        ['evaluation_dispute', afterSoon.disputeId],
        ['evaluation_dispute', last.disputeId],
      ]);
      const [lateItem, lateDispute, , , lastItem] = page.body.items as InboxItem[];
      expect(lateItem).toMatchObject({ deadline: late.resolutionDueAt, overdue: ['resolution'], severity: 'critical' });
      expect(lateItem.customerReference).toMatch(/^•+[0-9a-f]{4}$/);
      expect(lateDispute).toMatchObject({ overdue: ['resolution'], severity: null });
      expect(lastItem.overdue).toEqual([]);

      const reversed = await inbox({ teamId: team.id, sort: '-deadline' }).expect(200);
      expect(reversed.body.items.map((i: InboxItem) => i.id)).toEqual(page.body.items.map((i: InboxItem) => i.id).reverse());
      expect((await inbox({ teamId: team.id, kind: 'evaluation_dispute' }).expect(200)).body.total).toBe(3);
      expect((await inbox({ teamId: team.id, severity: 'critical' }).expect(200)).body.items.map((i: InboxItem) => i.id)).toEqual([late.id]);
      expect((await inbox({ teamId: team.id, pageSize: '2', page: '3' }).expect(200)).body).toMatchObject({ total: 5, items: [{ id: last.disputeId }] });

      await sut.http.post('/api/v1/dispute-inbox/claim').set('Authorization', disputer.auth).send({ kind: 'complaint', id: soon.id }).expect(204);
      await sut.http
        .post('/api/v1/dispute-inbox/assign')
        .set('Authorization', disputer.auth)
        .send({ kind: 'evaluation_dispute', id: afterSoon.disputeId, assigneeId: otherDisputer.id })
        .expect(204);
      const bad = await sut.http
        .post('/api/v1/dispute-inbox/assign')
        .set('Authorization', disputer.auth)
        .send({ kind: 'evaluation_dispute', id: last.disputeId, assigneeId: agent.id })
        .expect(422);
      expect(Object.keys(bad.body.errors)).toEqual(['assigneeId']);
      await sut.http
        .post('/api/v1/dispute-inbox/assign')
        .set('Authorization', admin.auth)
        .send({ kind: 'evaluation_dispute', id: last.disputeId, assigneeId: reviewer.id })
        .expect(422);

      expect((await inbox({ teamId: team.id, assigneeId: disputer.id }).expect(200)).body.items.map((i: InboxItem) => i.id)).toEqual([soon.id]);
      expect((await inbox({ teamId: team.id, assigneeId: otherDisputer.id }).expect(200)).body.items.map((i: InboxItem) => i.id)).toEqual([
        afterSoon.disputeId,
      ]);
      expect((await inbox({ teamId: team.id, assigneeId: 'none' }).expect(200)).body.total).toBe(3);

      const audit = sut.get(AuditLog);
      expect((await audit.forResource('complaint', soon.id)).map((e) => [e.action, e.actorId, e.details])).toEqual([
        ['dispute_inbox.claimed', disputer.id, { assigneeId: disputer.id, previousAssigneeId: null }],
      ]);
      expect((await audit.forResource('evaluation_dispute', afterSoon.disputeId)).map((e) => e.action)).toEqual(['dispute_inbox.assigned']);
      const history = (await sut.http.get(`/api/v1/complaints/${soon.id}`).set('Authorization', admin.auth).expect(200)).body.history;
      expect(history.at(-1)).toMatchObject({ type: 'assigned', changes: { assigneeId: { from: null, to: disputer.id } } });

      // The evaluation disputes queue still works, and sees the assignment.
      const disputes = await sut.http.get('/api/v1/disputes').query({ status: 'open', mine: 'true' }).set('Authorization', otherDisputer.auth).expect(200);
      expect(JSON.stringify(disputes.body)).toContain(afterSoon.evaluationId);
    });
  });

  describe('report', () => {
    const FROM = '2023-06-01T00:00:00.000Z';
    const TO = '2023-07-01T00:00:00.000Z';
    let teams: { id: string; name: string }[];
    let agents: TestUser[];

    /** Five complaints in June 2023 with known times (minutes after receipt) and outcomes; the figures below are worked by hand. */
    beforeAll(async () => {
      teams = [await aTeam(sut), await aTeam(sut)];
      agents = [await anAgent(sut, { teamId: teams[0].id }), await anAgent(sut, { teamId: teams[1].id })];
      const category = async (key: string) => (await db().query(`SELECT id FROM complaint_categories WHERE key = $1`, [key]))[0].id as string;
      const received = new Date('2023-06-10T02:00:00Z');
      const after = (minutes: number | null) => (minutes === null ? null : new Date(received.getTime() + minutes * MINUTE));
      const rows: [number, string, string, string, number | null, number | null, string | null, boolean, boolean][] = [
        // agent, category, severity, reference, first response, resolution, outcome, first-response breach, resolution breach
        [0, 'rudeness', 'high', 'CUST-1001', 10, 60, 'upheld', false, false],
        [0, 'rudeness', 'low', 'CUST-1001', 20, 120, 'not_upheld', true, false],
        [1, 'billing', 'high', 'CUST-2002', 30, 240, 'partly_upheld', false, false],
        [1, 'long_wait', 'critical', '=HYPERLINK("x")', 40, null, null, false, true],
        [0, 'rudeness', 'medium', 'CUST-1001', null, null, null, false, false],
      ];
      for (const [agent, key, severity, reference, firstResponse, resolution, outcome, firstBreach, resolutionBreach] of rows) {
        await db()
          .getRepository(ComplaintEntity)
          .insert({
            agentId: agents[agent].id,
            teamId: agents[agent].teamId,
            receivedAt: received,
            description: 'Report fixture',
            channel: 'phone',
            customerReference: reference,
            categoryId: await category(key),
            severity: severity as ComplaintEntity['severity'],
            state: outcome ? 'resolved' : 'investigating',
            firstRespondedAt: after(firstResponse),
            resolvedAt: after(resolution),
            outcome: outcome as ComplaintEntity['outcome'],
            firstResponseBreachedAt: firstBreach ? after(15) : null,
            resolutionBreachedAt: resolutionBreach ? after(600) : null,
          });
      }
    });

    it('counts and times complaints over a period, as worked by hand', async () => {
      const res = await sut.http.get('/api/v1/reports/complaints').query({ from: FROM, to: TO }).set('Authorization', supervisor.auth).expect(200);
      expect(res.body).toMatchObject({
        total: 5,
        breached: 2,
        breachRate: 0.4,
        resolved: 3,
        upheld: 1,
        partlyUpheld: 1,
        notUpheld: 1,
        upheldRate: 0.6667,
        // 10, 20, 30, 40: median (20 + 30) / 2; p90 at rank 0.9 × 3 = 2.7 → 30 + 0.7 × 10
        timeToFirstResponse: { count: 4, median: 25, p90: 37 },
        // 60, 120, 240: median 120; p90 at rank 0.9 × 2 = 1.8 → 120 + 0.8 × 120
        timeToResolution: { count: 3, median: 120, p90: 216 },
      });
      expect(res.body.byCategory.map((c: { key: string; count: number; labelZh: string }) => [c.key, c.labelZh, c.count])).toEqual([
        ['rudeness', '态度恶劣', 3],
        ['billing', '账单问题', 1],
        ['long_wait', '等待时间过长', 1],
      ]);
      expect(res.body.bySeverity.map((s: { key: string; count: number }) => [s.key, s.count])).toEqual([
        ['high', 2],
        ['critical', 1],
        ['low', 1],
        ['medium', 1],
      ]);
      expect(res.body.byTeam.map((t: { key: string; count: number }) => [t.key, t.count])).toEqual([
        [teams[0].id, 3],
        [teams[1].id, 2],
      ]);
      expect(res.body.byAgent.map((a: { key: string; labelEn: string; count: number }) => [a.key, a.labelEn, a.count])).toEqual([
        [agents[0].id, agents[0].displayName, 3],
        [agents[1].id, agents[1].displayName, 2],
      ]);
      expect(res.body.repeatComplainants).toEqual({
        customers: 1,
        complaints: 3,
        top: [{ key: '•••••1001', labelEn: '•••••1001', labelZh: '•••••1001', count: 3 }],
      });
      expect(JSON.stringify(res.body)).not.toContain('CUST-1001');
    });

    it('gives the same figures as CSV, by Accept header or ?format=csv, with formulas defused', async () => {
      const json = (await sut.http.get('/api/v1/reports/complaints').query({ from: FROM, to: TO }).set('Authorization', supervisor.auth).expect(200)).body;
      const byHeader = await sut.http
        .get('/api/v1/reports/complaints')
        .query({ from: FROM, to: TO })
        .set('Accept', 'text/csv')
        .set('Authorization', supervisor.auth)
        .expect(200);
      const byQuery = await sut.http
        .get('/api/v1/reports/complaints')
        .query({ from: FROM, to: TO, format: 'csv' })
        .set('Authorization', supervisor.auth)
        .expect(200);
      expect(byHeader.headers['content-type']).toMatch(/^text\/csv/);
      expect(byQuery.text).toBe(byHeader.text);
      const lines = byHeader.text
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(','));
      expect(lines[0]).toEqual(['section', 'key', 'label_en', 'label_zh', 'value']);
      const value = (section: string, key: string) => lines.find((l) => l[0] === section && l[1] === key)?.at(-1);
      for (const key of ['total', 'breached', 'breachRate', 'resolved', 'upheld', 'partlyUpheld', 'notUpheld', 'upheldRate'])
        expect(Number(value('summary', key))).toBe(json[key]);
      for (const key of ['count', 'median', 'p90']) {
        expect(Number(value('summary', `timeToFirstResponse.${key}`))).toBe(json.timeToFirstResponse[key]);
        expect(Number(value('summary', `timeToResolution.${key}`))).toBe(json.timeToResolution[key]);
      }
      for (const [section, list] of [
        ['category', json.byCategory],
        ['team', json.byTeam],
        ['agent', json.byAgent],
        ['severity', json.bySeverity],
      ] as const) {
        expect(lines.filter((l) => l[0] === section).map((l) => [l[1], Number(l.at(-1))])).toEqual(
          list.map((r: { key: string; count: number }) => [r.key, r.count]),
        );
      }
      expect(byHeader.text).not.toMatch(/(^|,)=/m);
    });

    it('draws complaints by category as an SVG chart with both labels, escaping text', async () => {
      const res = await sut.http.get('/api/v1/reports/complaints/chart').query({ from: FROM, to: TO }).set('Authorization', supervisor.auth).expect(200);
      expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
      const svg = res.text ?? res.body.toString();
      expect(svg).toContain('Rudeness 态度恶劣');
      expect(svg).toContain('3 (60 %)');
      expect(svg).not.toContain('<script');
    });

    it('refuses a period that ends before it starts', async () => {
      const res = await sut.http.get('/api/v1/reports/complaints').query({ from: TO, to: FROM }).set('Authorization', supervisor.auth).expect(422);
      expect(res.body.errors).toEqual({ from: 'must be before to' });
      await sut.http
        .get('/api/v1/reports/complaints')
        .set('Authorization', (await anAgent(sut)).auth)
        .expect(403);
    });
  });
});
