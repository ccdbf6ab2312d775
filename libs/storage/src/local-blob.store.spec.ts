import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createHash } from 'node:crypto';
import { BlobTooLargeError } from './blob-store';
import { LocalBlobStore } from './local-blob.store';

describe('LocalBlobStore', () => {
  let root: string;
  let sut: LocalBlobStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'blob-'));
    sut = new LocalBlobStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores bytes under their sha256 and reads back any range', async () => {
    const bytes = Buffer.from('0123456789'.repeat(1000));
    const staged = await sut.stage(Readable.from([bytes.subarray(0, 3000), bytes.subarray(3000)]), { maxBytes: 1e6 });
    expect(staged.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(staged.sizeBytes).toBe(bytes.length);
    const key = await sut.commit(staged);
    expect(key).toBe(`${staged.sha256.slice(0, 2)}/${staged.sha256.slice(2, 4)}/${staged.sha256}`);
    expect(await sut.size(key)).toBe(bytes.length);
    expect((await buffer(sut.open(key, { start: 5, end: 14 }))).toString()).toBe('5678901234');
    expect(readdirSync(join(root, 'staging'))).toEqual([]);
  });

  it('keeps one copy when the same content is committed twice', async () => {
    const a = await sut.commit(await sut.stage(Readable.from([Buffer.from('same')]), { maxBytes: 10 }));
    const b = await sut.commit(await sut.stage(Readable.from([Buffer.from('same')]), { maxBytes: 10 }));
    expect(a).toBe(b);
    expect(readdirSync(join(root, 'staging'))).toEqual([]);
  });

  it('refuses a stream over the limit and leaves no staged file', async () => {
    const source = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(sut.stage(source, { maxBytes: 1000 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(readdirSync(join(root, 'staging'))).toEqual([]);
  });

  it('refuses keys that are not content addresses', () => {
    expect(() => sut.open('../../etc/passwd')).toThrow('not a storage key');
  });
});
