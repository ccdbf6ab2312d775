import { UserRole } from '@callgrade/database';
import { DataSource } from 'typeorm';
import { silence } from './support/audio-fixtures';
import { aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { eventually } from './support/eventually';
import { conversation, GOOD_CALL } from './support/scored-calls';
import { startTestApp, TestApp } from './support/test-app';

describe('Auto-scoring with evidence', () => {
  let sut: TestApp;
  let db: DataSource;
  let admin: TestUser;
  let supervisor: TestUser;
  let agent: TestUser;
  let otherAgent: TestUser;
  const audio = () => silence(30);

  const upload = async (segments: ReturnType<typeof conversation>, who = agent) => {
    const res = await sut.http
      .post('/api/v1/recordings')
      .set('Authorization', admin.auth)
      .field({ externalId: uniqueCallId(), agentId: who.id, startedAt: '2026-11-28T12:00:00Z', direction: 'inbound', transcript: JSON.stringify(segments) })
      .attach('file', audio())
      .expect(202);
    return res.body.id as string;
  };
  const scored = (id: string, count = 1) =>
    eventually(async () => {
      const r = await sut.http.get(`/api/v1/recordings/${id}/auto-score?history=true`).set('Authorization', admin.auth);
      return r.status === 200 && r.body.length >= count && (await status(id)) === 'scored' && r.body;
    });
  const status = async (id: string) => (await db.query('SELECT status FROM recordings WHERE id = $1', [id]))[0].status;
  const criterion = (score: { criteria: { criterionId: string }[] }, id: string) =>
    score.criteria.find((c) => c.criterionId === id) as never as {
      result: { result: string; evidence: { speaker: string; startMs: number; endMs: number; text: string }[]; explanation: string };
    };

  beforeAll(async () => {
    sut = await startTestApp({ SCORING_WORKER_ENABLED: 'true' });
    db = sut.get(DataSource);
    admin = await aUser(sut, UserRole.Admin);
    supervisor = await aUser(sut, UserRole.QaSupervisor);
    agent = await anAgent(sut, { displayName: 'Priya Shah' });
    otherAgent = await anAgent(sut, { displayName: '王磊' });
    const current = (await sut.http.get('/api/v1/settings/scoring').set('Authorization', admin.auth).expect(200)).body;
    const saved = await sut.http
      .put('/api/v1/settings/scoring')
      .set('Authorization', admin.auth)
      .send({
        settings: {
          ...current.settings,
          companyNames: [
            { name: 'Northwind Bank', spokenVariants: ['north wind bank'] },
            { name: '北风银行', spokenVariants: [] },
          ],
        },
      })
      .expect((r) => expect([200, 201]).toContain(r.status));
    // With a company name set, nothing is left for a first run to configure.
    expect(saved.body.toConfigure).toEqual([]);
  });
  afterAll(() => sut.close());

  it('scores a good call, with the words and times that justify each result', async () => {
    const id = await upload(conversation(GOOD_CALL));
    const [score] = await scored(id);
    expect(score.percent).toBeGreaterThan(80);
    expect(score.criticalFailed).toBe(false);
    const company = criterion(score, 'greeting_company');
    expect(company.result.result).toBe('pass');
    expect(company.result.evidence[0]).toMatchObject({ speaker: 'agent' });
    expect(company.result.evidence[0].startMs).toBeGreaterThan(0); // "north" is the 4th word of the first line
    expect(company.result.evidence[0].endMs).toBeLessThanOrEqual(2500);
    expect(
      company.result.evidence
        .map((e) => e.text)
        .join(' ')
        .toLowerCase(),
    ).toContain('north');
    expect(criterion(score, 'greeting_agent_name').result.result).toBe('pass');
    expect(criterion(score, 'no_forbidden_phrases').result.result).toBe('pass');
    expect(criterion(score, 'closing_thanks').result.result).toBe('pass');
    const [row] = await db.query(
      `SELECT v.version, v.first_used_at IS NOT NULL AS frozen FROM auto_scores a JOIN scorecard_versions v ON v.id = a.scorecard_version_id WHERE a.recording_id = $1`,
      [id],
    );
    expect(row.frozen).toBe(true);
  });

  it('fails a missing greeting and a forbidden phrase, and says why', async () => {
    const id = await upload(
      conversation([
        ['agent', 'Yeah, what do you want?'],
        ['customer', 'I have a problem with my card.'],
        ['agent', 'That is not my problem, calm down.'],
      ]),
    );
    const [score] = await scored(id);
    expect(criterion(score, 'greeting_company').result.result).toBe('fail');
    expect(criterion(score, 'greeting_company').result.explanation).toEqual(expect.any(String));
    const forbidden = criterion(score, 'no_forbidden_phrases');
    expect(forbidden.result.result).toBe('fail');
    expect(forbidden.result.evidence[0]).toMatchObject({ speaker: 'agent', startMs: 6000 });
    expect(score.criticalFailed).toBe(true);
  });

  it('redacts a spoken card number from the stored transcript and fails an agent who reads it back', async () => {
    const id = await upload(
      conversation([
        ['agent', 'Hello, this is Northwind Bank, my name is Priya, how can I help you?'],
        ['customer', 'My card number is four one one one one one one one one one one one one one one one.'],
        ['agent', 'Let me repeat that: four one one one, one one one one, one one one one, one one one one.'],
      ]),
    );
    const [score] = await scored(id);
    expect(criterion(score, 'no_card_data_read_back').result.result).toBe('fail');
    const transcript = (await sut.http.get(`/api/v1/recordings/${id}/transcript`).set('Authorization', supervisor.auth).expect(200)).body;
    const text = transcript.segments.map((s: { text: string }) => s.text).join(' ');
    expect(text).not.toMatch(/four one one one/);
    expect(text).toContain('[redacted');
    expect(transcript.redactions.length).toBeGreaterThanOrEqual(2);
    const [rec] = await db.query('SELECT redacted_storage_key FROM recordings WHERE id = $1', [id]);
    expect(rec.redacted_storage_key).toMatch(/^[0-9a-f]{2}\//);

    // A re-score reads the redacted text, and still knows the agent read the card back.
    await sut.http
      .post('/api/v1/recordings/rescore')
      .set('Authorization', admin.auth)
      .send({ ids: [id] })
      .expect(202);
    const history = await scored(id, 2);
    expect(history[0].trigger).toBe('rescore');
    expect(criterion(history[0], 'no_card_data_read_back').result.result).toBe('fail');
  });

  it('scores Mandarin calls against the Chinese script, matching homophones', async () => {
    const id = await upload(
      conversation([
        ['agent', '您好，这里是北风银行，我是王磊，请问有什么可以帮您？'],
        ['customer', '我想查一下余额。'],
        ['agent', '好的，请稍等。还有其他可以帮您的吗？感谢您致电北风银行，祝您生活愉快。'],
      ]),
      otherAgent,
    );
    const [score] = await scored(id);
    expect(score.language).toBe('zh');
    expect(criterion(score, 'greeting_company').result.result).toBe('pass');
    expect(criterion(score, 'greeting_agent_name').result.result).toBe('pass');

    const homophone = await upload(conversation([['agent', '您好，这里是北风银行，我是王雷，请问有什么可以帮您？']]), otherAgent);
    const [h] = await scored(homophone);
    expect(criterion(h, 'greeting_agent_name').result.result).toBe('pass');
  });

  it('keeps every score when re-scoring, and records the settings version each used', async () => {
    const id = await upload(conversation([['agent', 'Hello, this is Northwind Bank, my name is Priya, how can I help you?']]));
    const [first] = await scored(id);
    const current = (await sut.http.get('/api/v1/settings/scoring').set('Authorization', admin.auth).expect(200)).body;
    await sut.http
      .put('/api/v1/settings/scoring')
      .set('Authorization', admin.auth)
      .send({ settings: { ...current.settings, forbiddenPhrases: [...current.settings.forbiddenPhrases, 'how can i help you'] } })
      .expect((r) => expect([200, 201]).toContain(r.status));
    const res = await sut.http
      .post('/api/v1/recordings/rescore')
      .set('Authorization', admin.auth)
      .send({ ids: [id] })
      .expect(202);
    expect(res.body).toMatchObject({ queued: 1, recordingIds: [id] });
    const [latest, earlier] = await scored(id, 2);
    expect(earlier.id).toBe(first.id);
    expect(latest.settingsVersionId).not.toBe(first.settingsVersionId);
    expect(criterion(latest, 'no_forbidden_phrases').result.result).toBe('fail');
    expect(criterion(earlier, 'no_forbidden_phrases').result.result).toBe('pass');
    await sut.http.put('/api/v1/settings/scoring').set('Authorization', admin.auth).send({ settings: current.settings }).expect(200);
  });

  it('shows an agent only their own auto-scores', async () => {
    const id = await upload(conversation([['agent', 'Hello, this is Northwind Bank.']]));
    await scored(id);
    await sut.http.get(`/api/v1/recordings/${id}/auto-score`).set('Authorization', agent.auth).expect(200);
    await sut.http.get(`/api/v1/recordings/${id}/auto-score`).set('Authorization', otherAgent.auth).expect(404);
  });

  it('refuses a rescore without ids or filter, naming the field', async () => {
    const res = await sut.http.post('/api/v1/recordings/rescore').set('Authorization', admin.auth).send({}).expect(422);
    expect(res.body.errors.ids).toMatch(/filter/);
  });
});
