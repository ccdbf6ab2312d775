import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { BlobStore, StagedBlob, StageOptions } from './blob-store';
import { LocalBlobStore } from './local-blob.store';

export interface S3BlobStoreOptions {
  bucket: string;
  region: string;
  /** For S3-compatible servers (MinIO, Ceph, R2…); unset for AWS. */
  endpoint?: string;
  /** Unset: the AWS SDK's default chain (AWS_ACCESS_KEY_ID…, instance or task roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
  /** Local folder for staging uploads and for copies handed to programs that need a path. */
  localDir: string;
}

const notFound = (key: string) => Object.assign(new Error(`no object ${key} in the bucket`), { code: 'ENOENT' });
const isNotFound = (e: unknown) => e instanceof S3ServiceException && (e.$metadata.httpStatusCode === 404 || e.name === 'NotFound' || e.name === 'NoSuchKey');

/**
 * Recordings in an S3-compatible bucket, under the same content addresses as on local disk. Uploads
 * are staged on local disk first (they are hashed and probed there), then streamed to the bucket in
 * parts; reads stream from the bucket with HTTP ranges. Workers that need a file get a local copy,
 * kept under `localDir/s3-cache` until the blob is removed.
 */
export class S3BlobStore extends BlobStore {
  private readonly client: S3Client;
  /** Staging, key layout and key checks are the local store's. */
  private readonly staging: LocalBlobStore;
  private readonly cacheDir: string;

  constructor(private readonly options: S3BlobStoreOptions) {
    super();
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
    });
    this.staging = new LocalBlobStore(options.localDir);
    this.cacheDir = join(options.localDir, 's3-cache');
  }

  stage(source: Readable, options: StageOptions): Promise<StagedBlob> {
    return this.staging.stage(source, options);
  }

  keyFor(sha256: string): string {
    return this.staging.keyFor(sha256);
  }

  private checked(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key.slice(-64)) || this.keyFor(key.slice(-64)) !== key) throw new Error(`not a storage key: ${key}`);
    return key;
  }

  async commit(staged: StagedBlob): Promise<string> {
    const key = this.keyFor(staged.sha256);
    // Content-addressed: an object with this key already holds these bytes.
    if (!(await this.exists(key))) {
      const upload = new Upload({
        client: this.client,
        params: { Bucket: this.options.bucket, Key: key, Body: createReadStream(staged.localPath), ContentLength: staged.sizeBytes },
        queueSize: 2,
        partSize: 8 * 1024 * 1024,
      });
      await upload.done();
    }
    await unlink(staged.localPath);
    return key;
  }

  discard(staged: StagedBlob): Promise<void> {
    return this.staging.discard(staged);
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async size(key: string): Promise<number> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.checked(key) }));
      return head.ContentLength ?? 0;
    } catch (e) {
      throw isNotFound(e) ? notFound(key) : e;
    }
  }

  open(key: string, range?: { start: number; end: number }): Readable {
    const out = new PassThrough();
    const command = new GetObjectCommand({
      Bucket: this.options.bucket,
      Key: this.checked(key),
      Range: range ? `bytes=${range.start}-${range.end}` : undefined,
    });
    this.client.send(command).then(
      (response) => {
        const body = response.Body as Readable | undefined;
        if (!body) return out.end();
        body.on('error', (e) => out.destroy(e));
        // A reader that goes away (a closed HTTP response) stops the download too.
        out.on('close', () => body.destroy());
        body.pipe(out);
      },
      (e: unknown) => out.destroy(isNotFound(e) ? notFound(key) : (e as Error)),
    );
    return out;
  }

  async localPath(key: string): Promise<string> {
    const path = join(this.cacheDir, this.checked(key));
    try {
      await stat(path);
      return path;
    } catch {
      // Not cached yet: download beside it and rename, so a reader never sees a half-written copy.
    }
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${randomUUID()}.part`;
    try {
      await pipeline(this.open(key), createWriteStream(partial));
      await rename(partial, path);
    } catch (e) {
      await rm(partial, { force: true });
      throw e;
    }
    return path;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.checked(key) }));
    await rm(join(this.cacheDir, key), { force: true });
  }

  /** Closes the client's sockets. */
  close() {
    this.client.destroy();
  }
}
