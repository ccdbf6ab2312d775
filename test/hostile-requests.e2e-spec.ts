import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { TEST_ENV } from './test-environment';
import { silence } from './support/audio-fixtures';
import { eventually } from './support/eventually';
import { seededAdminAuth, startPlatformProcess, PlatformProcess } from './support/platform-process';
import { chunk, LAST_CHUNK, rawHttp } from './support/raw-http';

const MAX_UPLOAD_BYTES = 200_000;
const BOUNDARY = 'callgrade-test-boundary';

/**
 * Regression tests for requests that used to kill the process or hang (issue 11, defects 1, 2, 3, 6,
 * 7 and 9), against the platform running in its own process as `npm start` runs it.
 */
describe('Hostile requests against the running platform', () => {
  let sut: PlatformProcess;
  let storageDir: string;
  let admin: string;
  let db: Client;
  const staging = () => join(storageDir, 'staging');
  const stagedFiles = () => readdirSync(staging());
  /** Files under staging the process still holds open. */
  const openStagedFiles = () =>
    readdirSync(`/proc/${sut.child.pid}/fd`).flatMap((fd) => {
      try {
        const target = readlinkSync(`/proc/${sut.child.pid}/fd/${fd}`);
        return target.startsWith(staging()) ? [target] : [];
      } catch {
        return [];
      }
    });
  const expectNothingLeft = () =>
    eventually(async () => stagedFiles().length === 0 && openStagedFiles().length === 0, 5000).catch(() =>
      expect({ staged: stagedFiles(), open: openStagedFiles() }).toEqual({ staged: [], open: [] }),
    );
  const expectAlive = async () => {
    expect(sut.alive()).toBe(true);
    expect((await fetch(`${sut.url}/api/v1/health`)).status).toBe(200);
  };
  const multipartHead = (extra: Record<string, string> = {}) => [
    `POST /api/v1/recordings HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: ${admin}\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\n`,
    ...Object.entries(extra).map(([k, v]) => `${k}: ${v}\r\n`),
    '\r\n',
  ];
  const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const filePartHead = (name = 'file') =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="call.wav"\r\nContent-Type: audio/wav\r\n\r\n`;
  const fields = (externalId: string) =>
    field('externalId', externalId) + field('agentExternalId', 'nobody') + field('startedAt', '2026-11-28T09:30:00Z') + field('direction', 'inbound');
  const rows = async (externalId: string) =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM recordings WHERE external_id = $1', [externalId])).rows[0].n;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'callgrade-hostile-'));
    // Left by a process that crashed mid-upload long ago, and one being written by another process now.
    mkdirSync(join(storageDir, 'staging'));
    writeFileSync(join(storageDir, 'staging', 'crashed-upload'), 'RIFF....');
    utimesSync(join(storageDir, 'staging', 'crashed-upload'), new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
    writeFileSync(join(storageDir, 'staging', 'upload-in-progress'), 'RIFF....');
    sut = await startPlatformProcess({ STORAGE_DIR: storageDir, MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES), OUTBOX_RELAY_ENABLED: 'false' });
    admin = await seededAdminAuth(sut.url, { email: TEST_ENV.ADMIN_EMAIL, password: TEST_ENV.ADMIN_PASSWORD });
    db = new Client({ connectionString: TEST_ENV.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await sut?.stop();
    rmSync(storageDir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await expectAlive();
    await expectNothingLeft();
  });

  it('clears what a crashed upload left in staging on start, and keeps a file another process is writing', () => {
    rmSync(join(staging(), 'upload-in-progress'));
    expect(sut.output()).toContain('Removed 1 staged file(s) left by interrupted uploads');
  });

  it('answers a malformed token on the queue dashboard with 401 (defect 1)', async () => {
    for (const query of ['token=%25E0%25A4%25A', 'token=%E0%A4%A', 'token=']) {
      const res = await fetch(`${sut.url}/api/v1/admin/queues?${query}`);
      expect({ query, status: res.status, code: ((await res.json()) as { code: string }).code }).toEqual({ query, status: 401, code: 'unauthenticated' });
    }
    const cookie = await fetch(`${sut.url}/api/v1/admin/queues`, { headers: { cookie: 'callgrade_dashboard_token=%E0%A4%A' } });
    expect(cookie.status).toBe(401);
  });

  it('answers a file part that ends early with a 422 naming the body (defect 2)', async () => {
    const externalId = `hostile-${randomUUID()}`;
    const res = await rawHttp(sut.url, [
      ...multipartHead({ 'Transfer-Encoding': 'chunked' }),
      chunk(fields(externalId) + filePartHead() + 'RIFF\x24\x00'),
      LAST_CHUNK,
    ]);
    expect(res?.status).toBe(422);
    expect(JSON.parse(res!.body)).toMatchObject({
      statusCode: 422,
      code: 'validation_failed',
      errors: { body: expect.stringContaining('not valid multipart data') },
    });
    expect(await rows(externalId)).toBe(0);
  });

  it('answers a chunked upload over MAX_UPLOAD_BYTES with 413 (defect 3)', async () => {
    const body = [chunk(filePartHead()), ...Array.from({ length: 40 }, () => chunk(Buffer.alloc(16_384, 1))), chunk(`\r\n--${BOUNDARY}--\r\n`), LAST_CHUNK];
    const res = await rawHttp(sut.url, [...multipartHead({ 'Transfer-Encoding': 'chunked' }), ...body]);
    expect(res?.status).toBe(413);
    expect(JSON.parse(res!.body)).toMatchObject({ statusCode: 413, code: 'payload_too_large', errors: { file: 'too large' } });
  });

  it('answers an upload whose declared length is under the limit but whose file is over it with 413 (defect 3)', async () => {
    const file = Buffer.alloc(MAX_UPLOAD_BYTES + 50_000, 1);
    const body = Buffer.concat([Buffer.from(filePartHead()), file, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
    const res = await rawHttp(sut.url, [...multipartHead({ 'Content-Length': String(body.length) }), body]);
    expect(res?.status).toBe(413);
  });

  it('leaves no pending request, open file or staged file when the client disconnects mid-upload (defect 6)', async () => {
    const wav = readFileSync(silence(30));
    const externalId = `hostile-${randomUUID()}`;
    const partial = Buffer.concat([Buffer.from(fields(externalId) + filePartHead()), wav.subarray(0, 100_000)]);
    await rawHttp(sut.url, [...multipartHead({ 'Content-Length': String(partial.length + 200_000) }), partial], { abortAfterSend: true });
    await rawHttp(sut.url, [...multipartHead({ 'Transfer-Encoding': 'chunked' }), chunk(partial)], { abortAfterSend: true });
    await expectNothingLeft();
    expect(await rows(externalId)).toBe(0);
  });

  it('refuses a second file part with 422 and keeps neither staged file (defect 6)', async () => {
    const wav = readFileSync(silence(1));
    const externalId = `hostile-${randomUUID()}`;
    const body = Buffer.concat([
      Buffer.from(fields(externalId) + filePartHead()),
      wav,
      Buffer.from('\r\n' + filePartHead()),
      wav,
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]);
    const res = await rawHttp(sut.url, [...multipartHead({ 'Content-Length': String(body.length) }), body]);
    expect(res?.status).toBe(422);
    expect(JSON.parse(res!.body).errors).toMatchObject({ file: 'only one audio file may be uploaded at a time' });
    expect(await rows(externalId)).toBe(0);
  });

  it('answers JSON bodies over the limit with 413 and the JSON error body, login included (defect 7)', async () => {
    const huge = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(300_000) });
    for (const [path, auth] of [
      ['/api/v1/auth/login', ''],
      ['/api/v1/teams', admin],
    ]) {
      const res = await fetch(`${sut.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: huge });
      expect({ path, status: res.status, body: await res.json() }).toEqual({
        path,
        status: 413,
        body: expect.objectContaining({ statusCode: 413, code: 'payload_too_large' }),
      });
    }
    expect(sut.output()).not.toContain('PayloadTooLargeError');
  });

  it('answers malformed JSON with 400 and the JSON error body', async () => {
    const res = await fetch(`${sut.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": ' });
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 400, body: expect.objectContaining({ statusCode: 400, code: 'bad_request' }) });
  });

  describe('inputs that used to reach the database and give 500 (defect 9)', () => {
    const call = async (method: string, path: string, body?: unknown, auth = admin) => {
      const res = await fetch(`${sut.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: auth },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { code: string; errors?: Record<string, string> } };
    };

    it('refuses a NUL byte in a text field with 422 naming it', async () => {
      const res = await call('POST', '/api/v1/teams', { name: 'North\u0000wind' });
      expect(res).toEqual({ status: 422, body: expect.objectContaining({ errors: { name: 'must not contain NUL characters' } }) });
      const query = await call('GET', '/api/v1/recordings?status=queued%00');
      expect(query.status).toBe(422);
    });

    it('refuses a NUL byte in an upload field with 422 naming it', async () => {
      const body = Buffer.concat([
        Buffer.from(field('queue', 'billing\u0000') + fields(`hostile-${randomUUID()}`) + filePartHead()),
        readFileSync(silence(1)),
        Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
      ]);
      const res = await rawHttp(sut.url, [...multipartHead({ 'Content-Length': String(body.length) }), body]);
      expect(res?.status).toBe(422);
      expect(JSON.parse(res!.body).errors).toMatchObject({ queue: 'must not contain NUL characters' });
    });

    it('refuses a page number past any real page with 422', async () => {
      const res = await call('GET', '/api/v1/recordings?page=99999999999999999999');
      expect(res.status).toBe(422);
      expect(res.body.errors).toHaveProperty('page');
    });

    it('refuses an over-large numeric id in a path with 422', async () => {
      const res = await call('GET', `/api/v1/scorecards/${randomUUID()}/versions/99999999999999999999`);
      expect(res).toEqual({ status: 422, body: expect.objectContaining({ errors: { version: expect.stringContaining('whole number from 1') } }) });
    });

    it('refuses multipart without a boundary with 422', async () => {
      const res = await rawHttp(sut.url, [
        `POST /api/v1/recordings HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: ${admin}\r\nContent-Type: multipart/form-data\r\nContent-Length: 5\r\n\r\nhello`,
      ]);
      expect(res?.status).toBe(422);
      expect(JSON.parse(res!.body).errors).toEqual({ body: expect.stringContaining('not valid multipart data') });
    });

    it('refuses a validly signed token whose subject is not a UUID with 401', async () => {
      const token = new JwtService({ secret: TEST_ENV.JWT_SECRET }).sign({ sub: 'not-a-uuid', role: 'admin' });
      const res = await call('GET', '/api/v1/me', undefined, `Bearer ${token}`);
      expect(res.status).toBe(401);
      const dashboard = await fetch(`${sut.url}/api/v1/admin/queues?token=${token}`);
      expect(dashboard.status).toBe(401);
    });
  });
});
