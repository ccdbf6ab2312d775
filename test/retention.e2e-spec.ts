import { UserRole } from '@callgrade/database';
import { PurgeExpiredRecordings } from '@callgrade/privacy';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Queue } from 'bullmq';
import { QueueName, redisOptionsFromUrl } from '@callgrade/queue';
import { RETENTION_SCHEDULER_ID } from '../apps/worker/src/retention-purge.worker';
import { silence } from './support/audio-fixtures';
import { aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { eventually } from './support/eventually';
import { conversation, GOOD_CALL, Line } from './support/scored-calls';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_ENV } from './test-environment';

const CARD_CALL: Line[] = [...GOOD_CALL.slice(0, 3), ['customer', 'My card number is four one one one one one one one one one one one one one one one.']];
/** Long enough ago that no other test's calls are due under the settings used here. */
const LONG_AGO = '1971-03-01T10:00:00Z';
const KEEP_55_YEARS = { audioDays: 20_000, transcriptDays: 20_000, scoreDays: null };

describe('Retention, legal hold and erasure through the real database and storage', () => {
  let sut: TestApp;
  let db: DataSource;
  let admin: TestUser;
  let auditor: TestUser;
  let agent: TestUser;

  /** A unique file (so no other test shares its blob) unless `audio` is given. */
  const aScoredCall = async (options: { customerNumber?: string; audio?: string; lines?: Line[]; longAgo?: boolean } = {}) => {
    const res = await sut.http
      .post('/api/v1/recordings')
      .set('Authorization', admin.auth)
      .field({
        externalId: uniqueCallId(),
        agentId: agent.id,
        startedAt: new Date().toISOString(),
        direction: 'inbound',
        transcript: JSON.stringify(conversation(options.lines ?? CARD_CALL)),
        tags: JSON.stringify({ crm: 'ticket-9' }),
        ...(options.customerNumber && { customerNumber: options.customerNumber }),
      })
      .attach('file', options.audio ?? silence(20 + randomInt(80_000) / 8000))
      .expect(202);
    const id = res.body.id as string;
    await eventually(async () => (await db.query(`SELECT status FROM recordings WHERE id = $1`, [id]))[0].status === 'scored');
    // The call happened long ago: set here rather than uploaded, so only these calls are due.
    if (options.longAgo !== false) await db.query(`UPDATE recordings SET started_at = $2 WHERE id = $1`, [id, LONG_AGO]);
    return id;
  };
  const keys = async (id: string) =>
    (await db.query(`SELECT storage_key, redacted_storage_key FROM recordings WHERE id = $1`, [id]))[0] as {
      storage_key: string;
      redacted_storage_key: string | null;
    };
  const blobExists = (key: string) => existsSync(join(TEST_ENV.STORAGE_DIR, key));
  const get = (path: string, auth = admin.auth) => sut.http.get(`/api/v1${path}`).set('Authorization', auth);
  const purge = () => sut.get(PurgeExpiredRecordings).execute(new Date());

  beforeAll(async () => {
    sut = await startTestApp({ SCORING_WORKER_ENABLED: 'true' });
    db = sut.get(DataSource);
    admin = await aUser(sut, UserRole.Admin);
    auditor = await aUser(sut, UserRole.Auditor);
    agent = await anAgent(sut);
    await sut.http.put('/api/v1/settings/retention').set('Authorization', admin.auth).send(KEEP_55_YEARS).expect(200);
  });
  afterAll(async () => {
    await sut.http.put('/api/v1/settings/retention').set('Authorization', admin.auth).send({ audioDays: 90, transcriptDays: 365, scoreDays: null });
    await sut.close();
  });

  it('keeps retention settings as versions, audit-logs each change and names bad values', async () => {
    const current = await get('/settings/retention', auditor.auth).expect(200);
    expect(current.body).toMatchObject({ ...KEEP_55_YEARS, createdBy: admin.id });
    const history = await get('/settings/retention/history', auditor.auth).expect(200);
    expect(history.body.at(-1)).toMatchObject({ version: 1, audioDays: 90, transcriptDays: 365, scoreDays: null });
    const audit = await db.query(`SELECT details FROM audit_events WHERE action = 'retention_settings.updated' AND actor_id = $1`, [admin.id]);
    expect(audit[0].details).toMatchObject({ audioDaysBefore: expect.any(Number), audioDays: 20_000, scoreDays: null });

    const bad = await sut.http.put('/api/v1/settings/retention').set('Authorization', admin.auth).send({ audioDays: 0, transcriptDays: 'long' }).expect(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['audioDays', 'scoreDays', 'transcriptDays']);
    expect((await get('/settings/retention').expect(200)).body.version).toBe(current.body.version);
    await sut.http.put('/api/v1/settings/retention').set('Authorization', auditor.auth).send(KEEP_55_YEARS).expect(403);
  });

  it('purges due audio with its muted copy and the transcript, keeps scores, logs it all, and answers 410', async () => {
    const id = await aScoredCall();
    const { storage_key, redacted_storage_key } = await keys(id);
    expect(redacted_storage_key).toBeTruthy();
    expect(blobExists(storage_key) && blobExists(redacted_storage_key!)).toBe(true);

    const result = await purge();
    expect(result).toMatchObject({ recordings: 1, deleted: { audio: 1, transcript: 1, scores: 0 } });
    expect(result.bytes).toBeGreaterThan(0);
    expect(blobExists(storage_key)).toBe(false);
    expect(blobExists(redacted_storage_key!)).toBe(false);

    for (const auth of [admin.auth, agent.auth]) {
      const audio = await get(`/recordings/${id}/audio`, auth).expect(410);
      expect(audio.body).toMatchObject({ statusCode: 410, code: 'gone', errors: { audio: expect.stringContaining('retention policy') } });
      expect(audio.body.message).toContain('按保留策略');
    }
    expect((await get(`/recordings/${id}/transcript`).expect(410)).body.code).toBe('gone');
    await get(`/recordings/${id}/auto-score`).expect(200);
    const recording = (await get(`/recordings/${id}`).expect(200)).body;
    expect(recording).toMatchObject({ audioPurgedAt: expect.any(String), transcriptPurgedAt: expect.any(String), scoresPurgedAt: null, erasedAt: null });

    const log = await get(`/privacy/purge-log?recordingId=${id}`, auditor.auth).expect(200);
    expect(log.body.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['audio', 'redacted_audio', 'transcript']);
    expect(log.body.items.every((i: { cause: string; runId: string }) => i.cause === 'retention' && i.runId === result.runId)).toBe(true);
    const audit = (await get(`/audit-events?recordingId=${id}&action=recording.purged`, auditor.auth).expect(200)).body.items;
    expect(audit).toMatchObject([{ actor: { type: 'system' }, details: { cause: 'retention', kinds: 'audio,transcript', runId: result.runId } }]);

    expect((await purge()).recordings).toBe(0);
    await expect(db.query(`DELETE FROM purge_log WHERE recording_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE retention_settings_versions SET audio_days = 1`)).rejects.toThrow(/append-only/);
  });

  it('re-scores a call whose audio is gone but whose transcript is kept', async () => {
    await sut.http
      .put('/api/v1/settings/retention')
      .set('Authorization', admin.auth)
      .send({ ...KEEP_55_YEARS, transcriptDays: null })
      .expect(200);
    try {
      const id = await aScoredCall();
      expect(await purge()).toMatchObject({ recordings: 1, deleted: { audio: 1, transcript: 0 } });
      await sut.http
        .post('/api/v1/recordings/rescore')
        .set('Authorization', admin.auth)
        .send({ ids: [id] })
        .expect(202);
      const history = await eventually(async () => {
        const res = await get(`/recordings/${id}/auto-score?history=true`).expect(200);
        return res.body.length === 2 && res.body;
      });
      expect(history[0].trigger).toBe('rescore');
      expect((await get(`/recordings/${id}`).expect(200)).body).toMatchObject({ status: 'scored', audioPurgedAt: expect.any(String) });
    } finally {
      await sut.http.put('/api/v1/settings/retention').set('Authorization', admin.auth).send(KEEP_55_YEARS).expect(200);
      // Its transcript is due under the usual settings: purged here, so later tests count only their own calls.
      await purge();
    }
  });

  it('keeps a call on legal hold until the hold is cleared, and audit-logs both', async () => {
    const id = await aScoredCall();
    await sut.http.put(`/api/v1/recordings/${id}/legal-hold`).set('Authorization', admin.auth).send({ reason: 'Litigation 2026-114' }).expect(200);
    await sut.http.put(`/api/v1/recordings/${id}/legal-hold`).set('Authorization', admin.auth).send({}).expect(422);
    expect((await purge()).recordings).toBe(0);
    await get(`/recordings/${id}/audio`).expect(200);
    expect((await get(`/recordings/${id}`).expect(200)).body).toMatchObject({ legalHold: true, legalHoldReason: 'Litigation 2026-114' });

    await sut.http.delete(`/api/v1/recordings/${id}/legal-hold`).set('Authorization', admin.auth).expect(200);
    expect((await purge()).recordings).toBe(1);
    await get(`/recordings/${id}/audio`).expect(410);
    const actions = (await get(`/audit-events?recordingId=${id}`, auditor.auth).expect(200)).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['recording.purged', 'recording.legal_hold.cleared', 'recording.audio.read', 'recording.legal_hold.set']);
  });

  it('keeps a file another live recording shares, and deletes it with the last one', async () => {
    const shared = silence(20 + randomInt(80_000) / 8000);
    const old = await aScoredCall({ audio: shared, lines: GOOD_CALL });
    const recent = await aScoredCall({ audio: shared, lines: GOOD_CALL, longAgo: false });
    const { storage_key } = await keys(old);
    expect((await keys(recent)).storage_key).toBe(storage_key);

    await purge();
    expect(blobExists(storage_key)).toBe(true);
    await get(`/recordings/${recent}/audio`).expect(200);
    const [entry] = (await get(`/privacy/purge-log?recordingId=${old}`, auditor.auth).expect(200)).body.items.filter(
      (i: { kind: string }) => i.kind === 'audio',
    );
    expect(entry.note).toMatch(/1 other recording/);

    await db.query(`UPDATE recordings SET started_at = $2 WHERE id = $1`, [recent, LONG_AGO]);
    await purge();
    expect(blobExists(storage_key)).toBe(false);
  });

  it("erases one customer's data, keeps a tombstone and a report, and writes the number nowhere", async () => {
    const digits = String(randomInt(10_000_000, 100_000_000));
    const customerNumber = `+44 20 ${digits}`;
    const erased = await aScoredCall({ customerNumber, longAgo: false });
    const held = await aScoredCall({ customerNumber, longAgo: false });
    const other = await aScoredCall({ customerNumber: `${customerNumber}9`, longAgo: false });
    await sut.http.put(`/api/v1/recordings/${held}/legal-hold`).set('Authorization', admin.auth).send({ reason: 'Regulator inquiry' }).expect(200);
    const { storage_key } = await keys(erased);

    const res = await sut.http
      .post('/api/v1/privacy/erasures')
      .set('Authorization', admin.auth)
      .send({ customerNumber: ` ${customerNumber} ` })
      .expect(200);
    expect(res.body).toMatchObject({
      matched: 2,
      erased: [{ recordingId: erased }],
      held: [{ recordingId: held, reason: 'on legal hold: Regulator inquiry' }],
      deferred: [],
    });
    expect([...res.body.erased[0].deleted].sort()).toEqual(['audio', 'personal_data', 'redacted_audio', 'scores', 'transcript']);
    expect(blobExists(storage_key)).toBe(false);

    const tombstone = (await get(`/recordings/${erased}`).expect(200)).body;
    expect(tombstone).toMatchObject({
      id: erased,
      agentId: agent.id,
      customerNumber: null,
      tags: {},
      erasedAt: expect.any(String),
      durationMs: expect.any(Number),
    });
    expect((await get(`/recordings/${erased}/audio`).expect(410)).body.message).toContain("at the customer's request");
    await get(`/recordings/${erased}/transcript`).expect(410);
    await get(`/recordings/${erased}/auto-score`).expect(410);
    expect((await get(`/recordings/${held}`).expect(200)).body.customerNumber).toBe(customerNumber);
    await get(`/recordings/${other}/audio`).expect(200);

    expect((await get(`/privacy/erasures/${res.body.erasureId}`, auditor.auth).expect(200)).body).toEqual(res.body);
    const leaks = await db.query(
      `SELECT 'audit' AS t FROM audit_events WHERE details::text LIKE $1 UNION ALL SELECT 'erasure' FROM erasures WHERE report::text LIKE $1 OR customer_number_sha256 LIKE $1
       UNION ALL SELECT 'purge' FROM purge_log WHERE coalesce(note, '') LIKE $1`,
      [`%${digits}%`],
    );
    expect(leaks).toEqual([]);
    const [erasure] = await db.query(`SELECT customer_number_sha256 FROM erasures WHERE id = $1`, [res.body.erasureId]);
    expect(erasure.customer_number_sha256).toMatch(/^[0-9a-f]{64}$/);

    const bad = await sut.http.post('/api/v1/privacy/erasures').set('Authorization', admin.auth).send({ customerNumber: '' }).expect(422);
    expect(Object.keys(bad.body.errors)).toEqual(['customerNumber']);
    await sut.http.post('/api/v1/privacy/erasures').set('Authorization', auditor.auth).send({ customerNumber }).expect(403);
  });

  it('schedules the purge in the worker once, however many workers start, and runs a tick at start', async () => {
    // Keep everything for ever first: the tick runs for real, and must not touch other tests' calls.
    await sut.http
      .put('/api/v1/settings/retention')
      .set('Authorization', admin.auth)
      .send({ audioDays: null, transcriptDays: null, scoreDays: null })
      .expect(200);
    const workers = [await startTestApp({ RETENTION_PURGE_ENABLED: 'true' }), await startTestApp({ RETENTION_PURGE_ENABLED: 'true' })];
    const queue = new Queue(QueueName.Retention, { connection: redisOptionsFromUrl(TEST_ENV.REDIS_URL) });
    try {
      expect(await queue.getJobSchedulers()).toMatchObject([{ key: RETENTION_SCHEDULER_ID, every: 3_600_000 }]);
      const [done] = await eventually(async () => {
        const jobs = await queue.getJobs(['completed']);
        return jobs.length ? jobs : false;
      });
      expect(done.returnvalue).toBe('0 recording(s) purged, 0 bytes');
    } finally {
      await queue.close();
      for (const worker of workers) await worker.close();
    }
  });
});
