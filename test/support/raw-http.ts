import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes as they are over a fresh TCP connection (what a hostile or broken client does, which
 * HTTP libraries refuse to do) and reads the answer. `abortAfterSend` cuts the connection once the
 * bytes are written instead of waiting for an answer; the result is then null.
 */
export function rawHttp(url: string, chunks: (string | Buffer)[], options: { abortAfterSend?: boolean; timeoutMs?: number } = {}): Promise<RawResponse | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${options.timeoutMs ?? 20_000} ms`));
    }, options.timeoutMs ?? 20_000);
    socket.on('data', (c: Buffer) => received.push(c));
    socket.on('error', () => undefined); // the server may close while we still write; the answer, if any, was read
    socket.on('close', () => {
      clearTimeout(timer);
      if (options.abortAfterSend) return resolve(null);
      const text = Buffer.concat(received).toString('utf8');
      const match = /^HTTP\/1\.1 (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(text);
      if (!match) return reject(new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      const headers = Object.fromEntries(
        match[2].split('\r\n').map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(match[1]), headers, body: headers['transfer-encoding'] === 'chunked' ? unchunk(match[3]) : match[3] });
    });
    socket.on('connect', () => {
      (async () => {
        for (const chunk of chunks) {
          if (socket.destroyed) return;
          if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r));
        }
        if (options.abortAfterSend) socket.destroy();
      })().catch(() => socket.destroy());
    });
  });
}

function unchunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, eol), 16);
    if (!size) return out;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}

/** One HTTP/1.1 chunk of a `Transfer-Encoding: chunked` body. */
export const chunk = (data: string | Buffer) =>
  Buffer.concat([Buffer.from(`${Buffer.byteLength(data).toString(16)}\r\n`), Buffer.from(data), Buffer.from('\r\n')]);
export const LAST_CHUNK = '0\r\n\r\n';
