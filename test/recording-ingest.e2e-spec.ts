import { UserRole } from '@callgrade/database';
import { DataSource } from 'typeorm';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { TEST_ENV } from './test-environment';
import { convert, silence, speech, stereoCall, truncated } from './support/audio-fixtures';
import { aUser, anAgent, anApiKey, TestUser, uniqueCallId } from './support/builders';
import { startTestApp, TestApp } from './support/test-app';

describe('Recording ingest (POST /api/v1/recordings)', () => {
  let sut: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let db: DataSource;

  beforeAll(async () => {
    sut = await startTestApp({ MAX_UPLOAD_BYTES: String(3 * 1024 * 1024), MAX_RECORDING_SECONDS: '60' });
    db = sut.get(DataSource);
    admin = await aUser(sut, UserRole.Admin);
    agent = await anAgent(sut);
  });
  afterAll(() => sut.close());

  const call = () => stereoCall('Hello, this is Northwind Bank, my name is Priya. How can I help you?', 'Hi, I would like to check my balance.');

  const upload = (file: string | Buffer, fields: Record<string, string>, auth = admin.auth) => {
    let req = sut.http.post('/api/v1/recordings').set('Authorization', auth);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', file, typeof file === 'string' ? file.split('/').pop() : 'upload.bin');
  };
  const fieldsFor = (extra: Record<string, string> = {}) => ({
    externalId: uniqueCallId(),
    agentId: agent.id,
    startedAt: '2026-11-28T09:30:00Z',
    direction: 'inbound',
    ...extra,
  });
  const rowCount = async (externalId: string) => Number((await db.query('SELECT count(*) FROM recordings WHERE external_id = $1', [externalId]))[0].count);
  const stagedFiles = () => (existsSync(join(TEST_ENV.STORAGE_DIR, 'staging')) ? readdirSync(join(TEST_ENV.STORAGE_DIR, 'staging')) : []);

  it('accepts a stereo WAV call, reports its real format, and records a transcription job with it', async () => {
    const fields = fieldsFor({ tags: '{"campaign":"renewals"}', queue: 'billing', customerNumber: '+44 20 7946 0000' });
    const res = await upload(call(), fields).expect(202);
    const soxSeconds = Number(execFileSync('soxi', ['-D', call()]).toString());
    expect(res.body).toMatchObject({ status: expect.stringMatching(/received|queued/), channels: 2, sampleRate: 16000 });
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Math.abs(res.body.durationMs - soxSeconds * 1000)).toBeLessThan(20);

    const [row] = await db.query('SELECT agent_id, channel_layout, tags, queue FROM recordings WHERE id = $1', [res.body.id]);
    expect(row).toEqual({ agent_id: agent.id, channel_layout: 'agent-left', tags: { campaign: 'renewals' }, queue: 'billing' });
    const outbox = await db.query('SELECT queue, job_name, job_id FROM outbox_messages WHERE job_id = $1', [`${res.body.id}.transcribe-recording`]);
    expect(outbox).toEqual([{ queue: 'transcription', job_name: 'transcribe-recording', job_id: `${res.body.id}.transcribe-recording` }]);
  });

  it.each(['mp3', 'ogg', 'flac', 'opus'] as const)('accepts %s audio and reads its duration from the bytes', async (format) => {
    const file = convert(call(), format);
    const res = await upload(file, fieldsFor()).expect(202);
    const probed = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).toString());
    expect(res.body.channels).toBe(2);
    expect(Math.abs(res.body.durationMs - probed * 1000)).toBeLessThan(120);
  });

  it('finds the agent by the phone system id', async () => {
    const { agentId: _, ...fields } = fieldsFor({ agentExternalId: agent.externalId! });
    const res = await upload(speech('Thank you for calling.'), fields).expect(202);
    const [row] = await db.query('SELECT agent_id, channel_layout FROM recordings WHERE id = $1', [res.body.id]);
    expect(row).toEqual({ agent_id: agent.id, channel_layout: 'mono' });
  });

  it('returns the existing recording when the same call is uploaded again with the same audio', async () => {
    const fields = fieldsFor();
    const first = await upload(call(), fields).expect(202);
    const again = await upload(call(), fields).expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await rowCount(fields.externalId)).toBe(1);
    expect(stagedFiles()).toEqual([]);
  });

  it('refuses the same call id with other audio (409) and keeps the first', async () => {
    const fields = fieldsFor();
    const first = await upload(call(), fields).expect(202);
    const res = await upload(speech('Something else entirely.'), fields).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'conflict', errors: { externalId: expect.any(String) } });
    const [row] = await db.query('SELECT id, sha256 FROM recordings WHERE external_id = $1', [fields.externalId]);
    expect(row).toEqual({ id: first.body.id, sha256: first.body.sha256 });
  });

  describe('refuses bad audio and leaves nothing behind', () => {
    const notAudio = join(tmpdir(), 'callgrade-not-audio.txt');
    const empty = join(tmpdir(), 'callgrade-empty.wav');
    beforeAll(() => {
      writeFileSync(notAudio, 'externalId,agentId\n'.repeat(200));
      writeFileSync(empty, '');
    });

    it.each([
      ['a text file', () => notAudio, 415, 'unsupported_media_type'],
      ['an empty file', () => empty, 422, 'unprocessable_audio'],
      ['a truncated WAV', () => truncated(call(), 0.5), 422, 'unprocessable_audio'],
      ['a recording longer than MAX_RECORDING_SECONDS', () => silence(61), 422, 'unprocessable_audio'],
      ['a file larger than MAX_UPLOAD_BYTES', () => silence(200, 16000), 413, 'payload_too_large'],
    ])('%s', async (_name, file, status, code) => {
      const fields = fieldsFor();
      const storedBefore = storedBlobCount();
      const res = await upload(file(), fields).expect(status);
      expect(res.body).toMatchObject({ statusCode: status, code, errors: { file: expect.any(String) } });
      expect(res.body.message).toEqual(expect.any(String));
      expect(await rowCount(fields.externalId)).toBe(0);
      expect(stagedFiles()).toEqual([]);
      expect(storedBlobCount()).toBe(storedBefore);
    });
  });

  it.each([
    ['an unknown agent', { agentId: '00000000-0000-4000-8000-000000000000' }, 'agentId'],
    ['an unknown agent external id', { agentId: undefined, agentExternalId: 'nobody-here' }, 'agentExternalId'],
    ['a bad date', { startedAt: '28/11/2026 09:30' }, 'startedAt'],
    ['an unknown direction', { direction: 'sideways' }, 'direction'],
    ['a missing call id', { externalId: undefined }, 'externalId'],
    ['an unknown channel layout', { channelLayout: 'agent-middle' }, 'channelLayout'],
    ['a stereo layout for a mono file', { channelLayout: 'agent-right', mono: 'yes' }, 'channelLayout'],
    ['an unknown field', { colour: 'blue' }, 'colour'],
  ])('refuses %s with 422 naming the field, and stores nothing', async (_name, change, field) => {
    const { mono, ...rest } = change as Record<string, string | undefined>;
    const fields = Object.fromEntries(Object.entries({ ...fieldsFor(), ...rest }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const res = await upload(mono ? speech('Hello there.') : call(), fields).expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'validation_failed' });
    expect(Object.keys(res.body.errors)).toContain(field);
    if (fields.externalId) expect(await rowCount(fields.externalId)).toBe(0);
    expect(stagedFiles()).toEqual([]);
  });

  it('refuses a request without a file part', async () => {
    const res = await sut.http.post('/api/v1/recordings').set('Authorization', admin.auth).field('externalId', 'x').expect(422);
    expect(res.body.errors.file).toMatch(/required/);
  });

  it('refuses a body that is not multipart', async () => {
    const res = await sut.http.post('/api/v1/recordings').set('Authorization', admin.auth).send({ externalId: 'x' }).expect(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('tells another API key re-uploading a call id neither the recording id nor its hash (defect 12)', async () => {
    const owner = await anApiKey(sut, admin);
    const other = await anApiKey(sut, admin);
    const fields = fieldsFor();
    const first = await sut.http.post('/api/v1/recordings').set('X-API-Key', owner.key).field(fields).attach('file', call()).expect(202);
    const again = await sut.http.post('/api/v1/recordings').set('X-API-Key', other.key).field(fields).attach('file', call()).expect(409);
    expect(again.body.errors).toEqual({ externalId: 'already used by another client' });
    expect(JSON.stringify(again.body)).not.toContain(first.body.id);
    expect(JSON.stringify(again.body)).not.toContain(first.body.sha256);
    await sut.http.post('/api/v1/recordings').set('X-API-Key', owner.key).field(fields).attach('file', call()).expect(200);
  });

  it.each([
    ['a start centuries away', { startedAt: '2999-01-01T00:00:00Z' }, 'startedAt'],
    ['an impossible date', { startedAt: '2026-02-30T09:30:00Z' }, 'startedAt'],
    ['1 MB of tags', { tags: JSON.stringify({ notes: 'x'.repeat(1024 * 1024) }) }, 'tags'],
    ['an empty supplied transcript', { transcript: '[]' }, 'transcript'],
  ])('refuses %s with a 422 naming the field and stores nothing (defect 12)', async (_label, extra, field) => {
    const fields = fieldsFor(extra);
    const res = await upload(silence(2), fields);
    expect({ status: res.status, fields: Object.keys(res.body.errors ?? {}) }).toEqual({ status: 422, fields: [field] });
    expect(await rowCount(fields.externalId)).toBe(0);
  });

  it('refuses a list whose from is after its to with a 422 naming from (defect 12)', async () => {
    const res = await sut.http.get('/api/v1/recordings?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z').set('Authorization', admin.auth).expect(422);
    expect(res.body.errors).toEqual({ from: 'must not be after to' });
  });

  it('lets a phone system upload with an API key and read back only what it uploaded', async () => {
    const key = await anApiKey(sut, admin);
    const other = await anApiKey(sut, admin);
    const res = await sut.http.post('/api/v1/recordings').set('X-API-Key', key.key).field(fieldsFor()).attach('file', call()).expect(202);
    await sut.http.get(`/api/v1/recordings/${res.body.id}`).set('X-API-Key', key.key).expect(200);
    await sut.http.get(`/api/v1/recordings/${res.body.id}`).set('X-API-Key', other.key).expect(404);
    const mine = await sut.http.get('/api/v1/recordings').set('X-API-Key', key.key).expect(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([res.body.id]);
    await sut.http.get('/api/v1/users').set('X-API-Key', key.key).expect(403);
  });

  it('keeps one recording when the same call is uploaded by several clients at once', async () => {
    const fields = fieldsFor();
    const results = await Promise.all([0, 1, 2, 3].map(() => upload(call(), fields)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 202]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await rowCount(fields.externalId)).toBe(1);
  });

  it('stores the bytes it was sent, content-addressed', async () => {
    const res = await upload(call(), fieldsFor()).expect(202);
    const [row] = await db.query('SELECT storage_key FROM recordings WHERE id = $1', [res.body.id]);
    expect(readFileSync(join(TEST_ENV.STORAGE_DIR, row.storage_key)).equals(readFileSync(call()))).toBe(true);
  });
});

function storedBlobCount(): number {
  const root = TEST_ENV.STORAGE_DIR;
  let count = 0;
  if (!existsSync(root)) return 0;
  for (const a of readdirSync(root)) {
    if (a === 'staging') continue;
    for (const b of readdirSync(join(root, a))) count += readdirSync(join(root, a, b)).length;
  }
  return count;
}
