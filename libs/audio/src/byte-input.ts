const EMPTY = Buffer.alloc(0);

/**
 * The bytes a parser has received but not consumed yet. Parsers read from the front and may skip
 * past what has arrived; the rest of the skip is taken from later chunks.
 */
export class ByteInput {
  private buffer = EMPTY;
  private position = 0;
  private owed = 0;
  private consumed = 0;

  append(chunk: Buffer): void {
    const dropped = Math.min(this.owed, chunk.length);
    this.owed -= dropped;
    this.consumed += dropped;
    if (dropped === chunk.length) return;
    const fresh = chunk.subarray(dropped);
    this.buffer = this.available === 0 ? fresh : Buffer.concat([this.buffer.subarray(this.position), fresh]);
    this.position = 0;
  }

  get available(): number {
    return this.buffer.length - this.position;
  }

  /** Stream offset of the next unread byte. */
  get offset(): number {
    return this.consumed;
  }

  /** Bytes still to be skipped when they arrive; non-zero at the end means the stream was cut. */
  get skipPending(): number {
    return this.owed;
  }

  get retainedBytes(): number {
    return this.buffer.length;
  }

  /** The unread bytes, without consuming them. Valid until the next append. */
  rest(): Buffer {
    return this.buffer.subarray(this.position);
  }

  peek(length: number): Buffer {
    return this.buffer.subarray(this.position, this.position + length);
  }

  read(length: number): Buffer {
    const bytes = this.peek(length);
    this.skip(length);
    return bytes;
  }

  skip(length: number): void {
    const now = Math.min(length, this.available);
    this.position += now;
    this.consumed += now;
    this.owed += length - now;
  }

  /**
   * Call once a chunk has been handled. The unread tail is copied so that a slice of the caller's
   * chunk, which may be large or reused by the caller, is never kept.
   */
  release(): void {
    this.buffer = this.available === 0 ? EMPTY : Buffer.from(this.rest());
    this.position = 0;
  }
}
