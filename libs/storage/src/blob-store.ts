import { Readable } from 'node:stream';

/** Bytes written to a staging area, not yet part of the store. */
export interface StagedBlob {
  readonly sha256: string;
  readonly sizeBytes: number;
  /** A local file holding the bytes, for tools that need a path (probing, decoding). */
  readonly localPath: string;
}

export interface StageOptions {
  maxBytes: number;
  /** Sees every chunk as it passes, e.g. to probe the audio format without a second read. */
  onChunk?: (chunk: Buffer) => void;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`larger than the limit of ${maxBytes} bytes`);
  }
}

/**
 * Content-addressed storage for recordings. The local implementation keeps files under STORAGE_DIR;
 * an S3-compatible store can implement the same interface.
 */
export abstract class BlobStore {
  /** Streams into staging while hashing; never holds the whole stream in memory. */
  abstract stage(source: Readable, options: StageOptions): Promise<StagedBlob>;
  /** The storage key content with this hash has (or will have once committed). */
  abstract keyFor(sha256: string): string;
  /** Moves staged bytes to their content address and returns the storage key. */
  abstract commit(staged: StagedBlob): Promise<string>;
  /** Drops staged bytes. Safe to call twice. */
  abstract discard(staged: StagedBlob): Promise<void>;
  abstract size(key: string): Promise<number>;
  /** Opens a byte range (inclusive end), or the whole blob. */
  abstract open(key: string, range?: { start: number; end: number }): Readable;
  /** A local path for the blob, for workers that hand files to other programs. */
  abstract localPath(key: string): Promise<string>;
  abstract remove(key: string): Promise<void>;
  /**
   * Removes staged files nobody has written to for `idleMs` (left by a process that crashed
   * mid-upload); returns how many. Files of uploads in progress elsewhere are younger.
   */
  sweepStaging(idleMs: number): Promise<number> {
    void idleMs;
    return Promise.resolve(0);
  }
}
