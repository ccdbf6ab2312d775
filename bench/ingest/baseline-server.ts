/**
 * The baseline the platform's upload path is compared with: a bare Node HTTP server that streams
 * each request body to a file and answers 202. It parses nothing and computes nothing, so it shows
 * what this machine's network stack and disk allow.
 *
 * Run as a child process: `node baseline-server.js <directory>`; it listens on a free port of
 * 127.0.0.1 and sends `{ ready: port }` to its parent over IPC.
 */
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface BaselineReady {
  ready: number;
}

export const isBaselineReady = (message: unknown): message is BaselineReady => typeof (message as BaselineReady | undefined)?.ready === 'number';

function serve(directory: string) {
  let received = 0;
  const server = createServer((req, res) => {
    received += 1;
    pipeline(req, createWriteStream(join(directory, `upload-${received}`))).then(
      () => res.writeHead(202, { 'content-type': 'application/json' }).end('{}'),
      (e: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(e.message),
    );
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ ready: (server.address() as AddressInfo).port } satisfies BaselineReady));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

if (require.main === module) {
  const directory = process.argv[2];
  if (!directory) throw new Error('usage: baseline-server.js <directory>');
  serve(directory);
}
