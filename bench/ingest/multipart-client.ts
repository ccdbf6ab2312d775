import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Agent, request } from 'node:http';

export interface MultipartUpload {
  url: URL;
  headers: Record<string, string>;
  /** Text parts, sent before the file, in this order. */
  fields: Record<string, string>;
  file: { path: string; sizeBytes: number; name: string; contentType: string };
}

export interface UploadOutcome {
  /** 0 when no response arrived. */
  status: number;
  body: string;
  ms: number;
  error?: string;
}

/** Bytes of the file read (and written to the socket) at a time. */
const READ_CHUNK_BYTES = 1024 * 1024;
/** Only short JSON answers are expected; anything longer is cut for error messages. */
const MAX_BODY_CHARS = 64 * 1024;

interface Framing {
  contentType: string;
  head: Buffer;
  tail: Buffer;
}

/** The multipart/form-data framing around the file: fields and the file part's header before it, the closing boundary after. */
function framing(upload: MultipartUpload): Framing {
  const boundary = `callgrade-bench-${randomBytes(12).toString('hex')}`;
  const parts = Object.entries(upload.fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${upload.file.name}"\r\nContent-Type: ${upload.file.contentType}\r\n\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: Buffer.from(parts.join(''), 'utf8'),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  };
}

/** Bytes on the wire for this upload's body: framing plus file. */
export function multipartBodyBytes(upload: MultipartUpload): number {
  const { head, tail } = framing(upload);
  return head.length + upload.file.sizeBytes + tail.length;
}

/**
 * POSTs one multipart upload, streaming the file from disk behind a framing built here, so the
 * client never holds the file in memory. Never rejects: a network failure is an outcome with status 0.
 */
export function sendMultipart(agent: Agent, upload: MultipartUpload): Promise<UploadOutcome> {
  const { contentType, head, tail } = framing(upload);
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let responded = false;
    const settle = (outcome: Omit<UploadOutcome, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...outcome, ms: performance.now() - started });
    };

    const req = request(upload.url, {
      method: 'POST',
      agent,
      headers: { ...upload.headers, 'content-type': contentType, 'content-length': String(head.length + upload.file.sizeBytes + tail.length) },
    });
    const file = createReadStream(upload.file.path, { highWaterMark: READ_CHUNK_BYTES });

    req.on('response', (res) => {
      responded = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        if (body.length < MAX_BODY_CHARS) body += text;
      });
      res.on('end', () => settle({ status: res.statusCode ?? 0, body }));
      // The server may answer early (e.g. 413) and close the connection before the body is read.
      res.on('close', () => settle({ status: res.statusCode ?? 0, body, error: res.complete ? undefined : 'connection closed before the response ended' }));
    });
    req.on('error', (e) => {
      file.destroy();
      if (!responded) settle({ status: 0, body: '', error: e.message });
    });
    file.on('error', (e) => req.destroy(e));
    file.on('end', () => req.end(tail));

    req.write(head);
    file.pipe(req, { end: false });
  });
}

export interface LoadResult {
  seconds: number;
  outcomes: UploadOutcome[];
}

/** Sends every upload, `concurrency` at a time over keep-alive connections; `onDone` after each. */
export async function runUploads(uploads: MultipartUpload[], concurrency: number, onDone: () => void = () => undefined): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const outcomes: UploadOutcome[] = new Array<UploadOutcome>(uploads.length);
  let next = 0;
  const sender = async () => {
    while (next < uploads.length) {
      const index = next++;
      outcomes[index] = await sendMultipart(agent, uploads[index]);
      onDone();
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, uploads.length) }, sender));
    return { seconds: (performance.now() - started) / 1000, outcomes };
  } finally {
    agent.destroy();
  }
}
