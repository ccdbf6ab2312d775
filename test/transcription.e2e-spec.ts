import { UserRole } from '@callgrade/database';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { TEST_ENV } from './test-environment';
import { silence, stereoCall } from './support/audio-fixtures';
import { aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { eventually } from './support/eventually';
import { connectAs } from './support/sockets';
import { startTestApp, TestApp } from './support/test-app';

/** Recognition on a busy 2-core machine takes a while. */
const RECOGNITION_MS = 90_000;
const GREETING = 'Hello, this is Northwind Bank, my name is Priya. How can I help you today?';
const CUSTOMER = 'I would like to check the balance of my savings account please.';

describe('Transcription worker', () => {
  let sut: TestApp;
  let db: DataSource;
  let admin: TestUser;
  let agent: TestUser;
  let otherAgent: TestUser;

  const upload = async (file: string, extra: Record<string, string> = {}, who = agent) => {
    const req = sut.http
      .post('/api/v1/recordings')
      .set('Authorization', admin.auth)
      .field({ externalId: uniqueCallId(), agentId: who.id, startedAt: '2026-11-28T11:00:00Z', direction: 'inbound', ...extra })
      .attach('file', file);
    return (await req.expect(202)).body.id as string;
  };
  const recording = async (id: string) => (await sut.http.get(`/api/v1/recordings/${id}`).set('Authorization', admin.auth).expect(200)).body;
  const settled = (id: string) =>
    eventually(async () => {
      const r = await recording(id);
      return ['transcribed', 'failed'].includes(r.status) && r;
    }, RECOGNITION_MS);

  describe('in the platform process', () => {
    beforeAll(async () => {
      sut = await startTestApp({ TRANSCRIPTION_WORKER_ENABLED: 'true', TRANSCRIPTION_ATTEMPTS: '2', COMPANY_NAMES: 'Northwind Bank' });
      db = sut.get(DataSource);
      admin = await aUser(sut, UserRole.Admin);
      agent = await anAgent(sut, { displayName: 'Priya Shah' });
      otherAgent = await anAgent(sut);
      await sut.app.listen(0);
    });
    afterAll(() => sut.close());

    const connect = (user: TestUser) => connectAs(sut, user);

    it('transcribes a stereo call by speaker, with timestamps, and tells only the right clients', async () => {
      const mine = await connect(agent);
      const theirs = await connect(otherAgent);
      const seen: string[] = [];
      const leaked: unknown[] = [];
      mine.on('recording.status', (e: { status: string }) => seen.push(e.status));
      theirs.on('recording.status', (e: unknown) => leaked.push(e));
      try {
        const id = await upload(stereoCall(GREETING, CUSTOMER));
        const done = await settled(id);
        expect(done).toMatchObject({ status: 'transcribed', failureReason: null });

        const transcript = (await sut.http.get(`/api/v1/recordings/${id}/transcript`).set('Authorization', agent.auth).expect(200)).body;
        expect(transcript.engine).toBe('pocketsphinx');
        const agentText = transcript.segments
          .filter((s: { speaker: string }) => s.speaker === 'agent')
          .map((s: { text: string }) => s.text)
          .join(' ')
          .toLowerCase();
        const customerText = transcript.segments
          .filter((s: { speaker: string }) => s.speaker === 'customer')
          .map((s: { text: string }) => s.text)
          .join(' ')
          .toLowerCase();
        expect(agentText).toMatch(/\bhello\b/);
        expect(agentText).toMatch(/\bhelp\b/);
        expect(customerText).toMatch(/\bbalance\b/);
        expect(agentText).not.toMatch(/\bbalance\b|\bsavings\b/);
        for (const s of transcript.segments) {
          expect(s.endMs).toBeGreaterThan(s.startMs);
          expect(s.confidence).toBeGreaterThanOrEqual(0);
          expect(s.confidence).toBeLessThanOrEqual(1);
        }
        const firstCustomer = transcript.segments.find((s: { speaker: string }) => s.speaker === 'customer');
        const lastAgent = transcript.segments.filter((s: { speaker: string }) => s.speaker === 'agent').pop();
        expect(firstCustomer.startMs).toBeGreaterThanOrEqual(lastAgent.endMs - 500);
        expect(transcript.facts.talkMs.agent).toBeGreaterThan(2000);
        expect(transcript.facts.talkMs.customer).toBeGreaterThan(2000);

        const scoring = await db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE job_id = $1`, [`${id}.score-recording`]);
        expect(scoring[0].n).toBe(1);
        await eventually(async () => seen.includes('transcribed'), 5000);
        expect(seen).toEqual(expect.arrayContaining(['transcribing', 'transcribed']));
        expect(leaked).toEqual([]);
        await sut.http.get(`/api/v1/recordings/${id}/transcript`).set('Authorization', otherAgent.auth).expect(404);
      } finally {
        mine.close();
        theirs.close();
      }
    });

    it('refuses a socket without a valid token', async () => {
      const url = `http://127.0.0.1:${(sut.app.getHttpServer().address() as { port: number }).port}`;
      const error = await new Promise<Error>((resolve) => {
        const socket = io(url, { auth: { token: 'nope' }, transports: ['websocket'], reconnection: false });
        socket.on('connect_error', (e) => {
          socket.close();
          resolve(e);
        });
      });
      expect(error.message).toMatch(/unauthenticated/);
    });

    it('fails silent audio with a reason, once, without retrying', async () => {
      const id = await upload(silence(4, 16000));
      const done = await settled(id);
      expect(done.status).toBe('failed');
      expect(done.failureReason).toMatch(/no speech/);
    });

    it('fails undecodable audio with a reason, and an admin can retry it once the audio is fixed', async () => {
      const file = stereoCall('Good afternoon, Northwind Bank, Sam speaking.', 'Hi Sam, I lost my card.');
      const id = await upload(file);
      await eventually(async () => (await recording(id)).status === 'transcribed' && true, RECOGNITION_MS);
      // Corrupt a copy stored under another id: write garbage where the blob lives, for a second call.
      const corruptId = await upload(stereoCall('Hello, Northwind Bank.', 'Hello, it is about my loan.'), {});
      await settled(corruptId);
      const [{ storage_key }] = await db.query('SELECT storage_key FROM recordings WHERE id = $1', [corruptId]);
      const original = readFileSync(join(TEST_ENV.STORAGE_DIR, storage_key));
      writeFileSync(join(TEST_ENV.STORAGE_DIR, storage_key), randomBytes(original.length));
      await db.query(`UPDATE recordings SET status = 'failed' WHERE id = $1`, [corruptId]);
      await db.query(`DELETE FROM transcripts WHERE recording_id = $1`, [corruptId]);

      await sut.http.post(`/api/v1/recordings/${corruptId}/retry`).set('Authorization', admin.auth).expect(202);
      const failed = await eventually(async () => {
        const r = await recording(corruptId);
        return r.status === 'failed' && r.failureReason?.startsWith('transcription failed') && r;
      }, RECOGNITION_MS);
      expect(failed.failureReason).toMatch(/decod|audio/i);

      writeFileSync(join(TEST_ENV.STORAGE_DIR, storage_key), original);
      const again = await sut.http.post(`/api/v1/recordings/${corruptId}/retry`).set('Authorization', admin.auth).expect(202);
      expect(again.body.status).toBe('received');
      expect((await settled(corruptId)).status).toBe('transcribed');
      const conflict = await sut.http.post(`/api/v1/recordings/${corruptId}/retry`).set('Authorization', admin.auth).expect(409);
      expect(conflict.body.message).toMatch(/Only failed recordings/);
    });

    it('takes a transcript supplied at upload straight to scoring', async () => {
      const segments = [
        { speaker: 'agent', startMs: 0, endMs: 2500, text: '您好，这里是北风银行，我是小王', confidence: 0.9 },
        { speaker: 'customer', startMs: 3000, endMs: 5000, text: '我想查一下余额' },
      ];
      const res = await sut.http
        .post('/api/v1/recordings')
        .set('Authorization', admin.auth)
        .field({ externalId: uniqueCallId(), agentId: agent.id, startedAt: '2026-11-28T11:00:00Z', direction: 'inbound' })
        .attach('transcript', Buffer.from(JSON.stringify(segments)), { filename: 'transcript.json', contentType: 'application/json' })
        .attach('file', stereoCall(GREETING, CUSTOMER))
        .expect(202);
      expect(res.body.status).toBe('transcribed');
      const transcript = (await sut.http.get(`/api/v1/recordings/${res.body.id}/transcript`).set('Authorization', agent.auth).expect(200)).body;
      expect(transcript).toMatchObject({
        source: 'supplied',
        segments: [
          { speaker: 'agent', text: segments[0].text },
          { speaker: 'customer', confidence: 1 },
        ],
      });
      expect(transcript.facts.talkMs).toEqual({ agent: 2500, customer: 2000, unknown: 0 });
      const jobs = await db.query(`SELECT job_name FROM outbox_messages WHERE job_id LIKE $1`, [`${res.body.id}.%`]);
      expect(jobs).toEqual([{ job_name: 'score-recording' }]);
    });

    it('names the bad segment of a supplied transcript and stores nothing', async () => {
      const externalId = uniqueCallId();
      const res = await sut.http
        .post('/api/v1/recordings')
        .set('Authorization', admin.auth)
        .field({
          externalId,
          agentId: agent.id,
          startedAt: '2026-11-28T11:00:00Z',
          direction: 'inbound',
          transcript: JSON.stringify([{ speaker: 'robot', startMs: 0, endMs: 10, text: 'x' }]),
        })
        .attach('file', stereoCall(GREETING, CUSTOMER))
        .expect(422);
      expect(res.body.errors).toEqual({ 'transcript[0].speaker': 'must be agent, customer or unknown' });
      expect((await db.query('SELECT count(*)::int AS n FROM recordings WHERE external_id = $1', [externalId]))[0].n).toBe(0);
    });
  });

  describe('when the worker process is killed mid-job', () => {
    const workers: ChildProcess[] = [];
    const startWorker = () => {
      const child = spawn(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-r', './test/support/exit-with-parent.ts', 'apps/worker/src/main.ts'],
        {
          env: { ...process.env, PORT: '0', TRANSCRIPTION_WORKER_ENABLED: 'true', OUTBOX_RELAY_ENABLED: 'true', WORKER_LOCK_MS: '3000', LOG_LEVEL: 'warn' },
          stdio: 'inherit',
        },
      );
      workers.push(child);
      return child;
    };

    beforeAll(async () => {
      sut = await startTestApp({ OUTBOX_RELAY_ENABLED: 'false' });
      db = sut.get(DataSource);
      admin = await aUser(sut, UserRole.Admin);
      agent = await anAgent(sut);
    });
    afterAll(async () => {
      for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
      await sut.close();
    });

    it('finishes its current job before exiting on SIGTERM', async () => {
      const id = await upload(stereoCall('Good morning, Northwind Bank, this is Sam.', 'Morning Sam, I want to close my account.'));
      const worker = startWorker();
      await eventually(async () => (await recording(id)).status === 'transcribing', 60_000);
      const exited = new Promise<void>((r) => worker.once('exit', () => r()));
      worker.kill('SIGTERM');
      await exited;
      // Nest closes the app (the worker waits for its job), then re-raises the signal to exit.
      expect(worker.signalCode === 'SIGTERM' || worker.exitCode === 0).toBe(true);
      expect((await recording(id)).status).toBe('transcribed');
    });

    it('picks the job up again and ends transcribed exactly once', async () => {
      const id = await upload(stereoCall(GREETING, CUSTOMER));
      const first = startWorker();
      await eventually(async () => (await recording(id)).status === 'transcribing', 60_000);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      expect((await recording(id)).status).toBe('transcribing');

      startWorker();
      expect((await settled(id)).status).toBe('transcribed');
      const counts = await db.query(
        `SELECT (SELECT count(*)::int FROM transcripts WHERE recording_id = $1) AS transcripts,
                (SELECT count(*)::int FROM outbox_messages WHERE job_id = $2) AS scoring_jobs`,
        [id, `${id}.score-recording`],
      );
      expect(counts).toEqual([{ transcripts: 1, scoring_jobs: 1 }]);
    });
  });
});
