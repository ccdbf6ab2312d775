const EMPTY = Buffer.alloc(0);
/** Below this, spare room in the kept buffer is not worth reallocating for. */
const SMALL_STORAGE = 4096;

/**
 * The bytes a parser has received but not consumed yet. Parsers read from the front and may skip
 * past what has arrived; the rest of the skip is taken from later chunks.
 *
 * Between pushes only the unread bytes are kept, copied into a buffer of our own so that the
 * caller's chunk (possibly large, possibly reused) is never retained. That buffer has room to grow
 * in place, so waiting for a large block fed in tiny chunks stays linear.
 */
export class ByteInput {
  private bytes = EMPTY;
  private position = 0;
  private end = 0;
  private storage = EMPTY;
  private owed = 0;
  private consumed = 0;

  append(chunk: Buffer): void {
    const dropped = Math.min(this.owed, chunk.length);
    this.owed -= dropped;
    this.consumed += dropped;
    if (dropped === chunk.length) return;
    const fresh = chunk.subarray(dropped);
    if (this.available === 0) {
      this.use(fresh, 0, fresh.length);
    } else if (this.bytes === this.storage && this.end + fresh.length <= this.storage.length) {
      this.end += fresh.copy(this.storage, this.end);
    } else {
      const joined = Buffer.concat([this.rest(), fresh]);
      this.use(joined, 0, joined.length);
    }
  }

  get available(): number {
    return this.end - this.position;
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
    return this.storage.length;
  }

  /** The unread bytes, without consuming them. Valid until the next append. */
  rest(): Buffer {
    return this.bytes.subarray(this.position, this.end);
  }

  peek(length: number): Buffer {
    return this.bytes.subarray(this.position, Math.min(this.position + length, this.end));
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

  /** Call once a chunk has been handled: keeps a copy of the unread bytes and nothing else. */
  release(): void {
    const unread = this.available;
    if (unread === 0) {
      this.storage = EMPTY;
      this.use(EMPTY, 0, 0);
      return;
    }
    const fits = this.storage.length >= unread;
    const wasteful = this.storage.length > Math.max(4 * unread, SMALL_STORAGE);
    if (this.bytes === this.storage && !wasteful) return;
    const target = fits && !wasteful ? this.storage : Buffer.allocUnsafe(2 * unread);
    this.bytes.copy(target, 0, this.position, this.end);
    this.storage = target;
    this.use(target, 0, unread);
  }

  private use(bytes: Buffer, position: number, end: number): void {
    this.bytes = bytes;
    this.position = position;
    this.end = end;
  }
}
