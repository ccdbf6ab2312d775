import type { Response } from 'superagent';

/** A supertest parser: non-text types (SVG charts) are otherwise left as raw bytes. Use `.buffer(true).parse(asText)`. */
export const asText = (res: Response, done: (err: Error | null, body: string) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
};
