import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, readdir, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobStore, BlobTooLargeError, StagedBlob, StageOptions } from './blob-store';

export class LocalBlobStore extends BlobStore {
  /** Folders known to exist, so most uploads skip the mkdir calls. */
  private readonly madeDirs = new Set<string>();

  constructor(private readonly root: string) {
    super();
  }

  private async ensureDir(dir: string) {
    if (this.madeDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    if (this.madeDirs.size > 70_000) this.madeDirs.clear();
    this.madeDirs.add(dir);
  }

  private get stagingDir() {
    return join(this.root, 'staging');
  }

  /** `ab/cd/abcdef…`: two levels of fan-out keep directories small. */
  keyFor(sha256: string) {
    return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  private pathOf(key: string) {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error(`not a storage key: ${key}`);
    return join(this.root, key);
  }

  async stage(source: Readable, options: StageOptions): Promise<StagedBlob> {
    await this.ensureDir(this.stagingDir);
    const localPath = join(this.stagingDir, randomUUID());
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        sizeBytes += chunk.length;
        if (sizeBytes > options.maxBytes) return done(new BlobTooLargeError(options.maxBytes));
        hash.update(chunk);
        options.onChunk?.(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(localPath));
    } catch (e) {
      await rm(localPath, { force: true });
      throw e;
    }
    return { sha256: hash.digest('hex'), sizeBytes, localPath };
  }

  async commit(staged: StagedBlob): Promise<string> {
    const key = this.keyFor(staged.sha256);
    const target = this.pathOf(key);
    await this.ensureDir(dirname(target));
    try {
      // link (not rename) so an existing blob with the same content is never overwritten mid-read.
      await link(staged.localPath, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    await unlink(staged.localPath);
    return key;
  }

  async discard(staged: StagedBlob): Promise<void> {
    await rm(staged.localPath, { force: true });
  }

  async size(key: string): Promise<number> {
    return (await stat(this.pathOf(key))).size;
  }

  open(key: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : undefined);
  }

  async localPath(key: string): Promise<string> {
    const path = this.pathOf(key);
    await stat(path);
    return path;
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  override async sweepStaging(idleMs: number): Promise<number> {
    const names = await readdir(this.stagingDir).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
    let removed = 0;
    for (const name of names) {
      const path = join(this.stagingDir, name);
      const stats = await stat(path).catch(() => null);
      if (stats && Date.now() - stats.mtimeMs >= idleMs) {
        await rm(path, { force: true, recursive: true });
        removed++;
      }
    }
    return removed;
  }
}
