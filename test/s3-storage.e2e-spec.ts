import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { UserRole } from '@callgrade/database';
import { RecordingPurger } from '@callgrade/privacy';
import { BlobStore, S3BlobStore } from '@callgrade/storage';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import { speech } from './support/audio-fixtures';
import { aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { startS3Server, TestS3Server } from './support/s3-server';
import { startTestApp, TestApp } from './support/test-app';

describe('Recordings in an S3-compatible bucket', () => {
  let s3: TestS3Server;
  let localDir: string;
  let sut: S3BlobStore;

  beforeAll(async () => {
    s3 = await startS3Server();
    localDir = mkdtempSync(join(tmpdir(), 's3-store-'));
    sut = new S3BlobStore({
      bucket: s3.bucket,
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      localDir,
    });
  });
  afterAll(async () => {
    sut.close();
    await s3.close();
    rmSync(localDir, { recursive: true, force: true });
  });

  /** Asked of the server directly, not through the store under test. */
  const inBucket = (client: S3Client, key: string) =>
    client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })).then(
      () => true,
      (e: { $metadata?: { httpStatusCode?: number } }) => (e.$metadata?.httpStatusCode === 404 ? false : Promise.reject(e as Error)),
    );

  it('stores bytes under their hash in parts, reads ranges back, and leaves no staged file', async () => {
    const bytes = randomBytes(9 * 1024 * 1024 + 123); // over one 8 MiB part: a multipart upload
    const staged = await sut.stage(Readable.from([bytes.subarray(0, 4096), bytes.subarray(4096)]), { maxBytes: 64 * 1024 * 1024 });
    expect(staged.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const key = await sut.commit(staged);
    expect(key).toBe(`${staged.sha256.slice(0, 2)}/${staged.sha256.slice(2, 4)}/${staged.sha256}`);
    expect(existsSync(staged.localPath)).toBe(false);
    expect(await sut.size(key)).toBe(bytes.length);
    expect(Buffer.compare(await buffer(sut.open(key)), bytes)).toBe(0);
    expect(
      Buffer.compare(
        await buffer(sut.open(key, { start: 8 * 1024 * 1024 - 5, end: 8 * 1024 * 1024 + 4 })),
        bytes.subarray(8 * 1024 * 1024 - 5, 8 * 1024 * 1024 + 5),
      ),
    ).toBe(0);

    const local = await sut.localPath(key);
    expect(Buffer.compare(readFileSync(local), bytes)).toBe(0);
    await sut.remove(key);
    expect(existsSync(local)).toBe(false);
    await expect(sut.size(key)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(buffer(sut.open(key))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses keys that are not content addresses', () => {
    expect(() => sut.open('../../etc/passwd')).toThrow('not a storage key');
  });

  describe('the platform with STORAGE_DRIVER=s3', () => {
    let app: TestApp;
    let admin: TestUser;
    let agent: TestUser;
    const client = () =>
      new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });

    beforeAll(async () => {
      app = await startTestApp({ ...s3.env, STORAGE_DIR: join(localDir, 'platform'), OUTBOX_RELAY_ENABLED: 'false' });
      admin = await aUser(app, UserRole.Admin);
      agent = await anAgent(app);
    });
    afterAll(() => app.close());

    it('uploads into the bucket, serves audio by byte range from it, and purges it from there', async () => {
      expect(app.app.get(BlobStore)).toBeInstanceOf(S3BlobStore);
      const file = speech('This call is kept in a bucket.');
      const bytes = readFileSync(file);
      const res = await app.http
        .post('/api/v1/recordings')
        .set('Authorization', admin.auth)
        .field({ externalId: uniqueCallId(), agentId: agent.id, startedAt: new Date().toISOString(), direction: 'inbound' })
        .attach('file', file)
        .expect(202);
      const id = res.body.id as string;
      const [{ storage_key }] = await app.get(DataSource).query(`SELECT storage_key FROM recordings WHERE id = $1`, [id]);
      const s3Client = client();
      expect(await inBucket(s3Client, storage_key)).toBe(true);

      const part = await app.http
        .get(`/api/v1/recordings/${id}/audio`)
        .set('Authorization', admin.auth)
        .set('Range', 'bytes=44-1043')
        .buffer(true)
        .parse(binary as never)
        .expect(206);
      expect(part.headers['content-range']).toBe(`bytes 44-1043/${bytes.length}`);
      expect(Buffer.compare(part.body as Buffer, bytes.subarray(44, 1044))).toBe(0);
      const whole = await app.http
        .get(`/api/v1/recordings/${id}/audio`)
        .set('Authorization', admin.auth)
        .buffer(true)
        .parse(binary as never)
        .expect(200);
      expect(Buffer.compare(whole.body as Buffer, bytes)).toBe(0);

      // Purged as retention or an erasure would (the global retention settings are left alone for other tests).
      const purger = app.get(RecordingPurger);
      await app.get(DataSource).transaction(async (manager) => {
        const target = await purger.lock(manager, id);
        await purger.purge(manager, target!, ['audio'], 'retention', randomUUID());
      });
      expect(await inBucket(s3Client, storage_key)).toBe(false);
      await app.http.get(`/api/v1/recordings/${id}/audio`).set('Authorization', admin.auth).expect(410);
      s3Client.destroy();
    });
  });
});

function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
