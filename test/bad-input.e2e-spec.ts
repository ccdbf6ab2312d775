import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { TEST_ENV } from './test-environment';
import { silence, truncated } from './support/audio-fixtures';
import { seededAdminAuth, startPlatformProcess, PlatformProcess } from './support/platform-process';
import { chunk, LAST_CHUNK, rawHttp } from './support/raw-http';

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: { type?: string; format?: string; enum?: unknown[] };
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, unknown> };
}
interface HostileRequest {
  label: string;
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}

function parseErrorBody(body: string): { statusCode?: unknown; code?: unknown; message?: unknown } | null {
  try {
    return JSON.parse(body) as { statusCode?: unknown; code?: unknown; message?: unknown };
  } catch {
    return null;
  }
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** Values that are wrong for any typed parameter (ids, numbers, booleans, enums, dates). */
const HOSTILE_VALUES = [
  '../../etc/passwd',
  "1' OR '1'='1",
  '%00',
  '\u0000',
  '99999999999999999999',
  '-1',
  '1e308',
  'NaN',
  '２０２６',
  '💥'.repeat(3),
  'x'.repeat(5000),
  '{"$gt":""}',
];
/** JSON bodies no route accepts: wrong shapes and wrong-typed, unknown or oversized fields. */
const hostileBodies = (properties: string[]) => [
  '[]',
  '"text"',
  'null',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"admin": true}}}',
  JSON.stringify({ unexpectedField: 1 }),
  JSON.stringify({ huge: 'x'.repeat(200_000) }),
  '{"a":'.repeat(200) + '1' + '}'.repeat(200),
  ...properties.flatMap((p) => [
    JSON.stringify({ [p]: { $ne: null } }),
    JSON.stringify({ [p]: [[[[]]]] }),
    JSON.stringify({ [p]: -1e308 }),
    JSON.stringify({ [p]: 'bad\u0000value' }),
  ]),
];

/** The operations of the OpenAPI document turned into requests that must all be refused with a 4xx. */
function corpus(doc: {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
}): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const params = operation.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const concrete = (overrides: Record<string, string> = {}) =>
        template.replace(/\{(\w+)\}/g, (_, name: string) =>
          encodeURIComponent(overrides[name] ?? (pathParams.find((p) => p.name === name)?.schema?.type === 'number' ? '1' : UNKNOWN_ID)),
        );
      for (const param of pathParams) {
        for (const value of HOSTILE_VALUES)
          requests.push({
            label: `${method} ${template} path ${param.name}=${JSON.stringify(value).slice(0, 20)}`,
            method,
            path: concrete({ [param.name]: value }),
          });
      }
      // Typed query parameters only: free text may legitimately contain anything.
      for (const param of params.filter((p) => p.in === 'query' && (p.schema?.type !== 'string' || p.schema.format || p.schema.enum))) {
        for (const value of HOSTILE_VALUES.filter((v) => v !== '%00')) {
          requests.push({
            label: `${method} ${template} query ${param.name}=${JSON.stringify(value).slice(0, 20)}`,
            method,
            path: `${concrete()}?${param.name}=${encodeURIComponent(value)}`,
          });
        }
      }
      const json = operation.requestBody?.content?.['application/json'] as { schema?: { $ref?: string } } | undefined;
      if (json && pathParams.length === 0) {
        const schemaName = json.schema?.$ref?.split('/').pop();
        const properties = Object.keys(doc.components?.schemas?.[schemaName ?? '']?.properties ?? {});
        for (const body of hostileBodies(properties))
          requests.push({ label: `${method} ${template} body ${body.slice(0, 40)}`, method, path: concrete(), body, contentType: 'application/json' });
        requests.push({ label: `${method} ${template} text/plain body`, method, path: concrete(), body: '{}', contentType: 'text/plain' });
      }
    }
  }
  return requests;
}

/**
 * Issue 11's bad-input suite: hundreds of hostile requests generated from the OpenAPI document, and
 * hand-written multipart and audio cases, against the platform in its own process. Every answer must
 * be a 4xx with the JSON error body; the process must stay up and nothing may be left behind.
 */
describe('Bad input', () => {
  let sut: PlatformProcess;
  let storageDir: string;
  let admin: string;
  let db: Client;
  const tally = { requests: 0, clientErrors: 0, serverErrors: 0, other: 0 };
  const failures: string[] = [];

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'callgrade-bad-input-'));
    sut = await startPlatformProcess({ STORAGE_DIR: storageDir, MAX_UPLOAD_BYTES: String(2 * 1024 * 1024), OUTBOX_RELAY_ENABLED: 'false' });
    admin = await seededAdminAuth(sut.url, { email: TEST_ENV.ADMIN_EMAIL, password: TEST_ENV.ADMIN_PASSWORD });
    db = new Client({ connectionString: TEST_ENV.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await sut?.stop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const judge = (label: string, status: number | undefined, body: string) => {
    tally.requests++;
    const json = parseErrorBody(body);
    const ok =
      status !== undefined && status >= 400 && status < 500 && json?.statusCode === status && typeof json.code === 'string' && typeof json.message === 'string';
    if (status !== undefined && status >= 500) tally.serverErrors++;
    else if (ok) tally.clientErrors++;
    else tally.other++;
    if (!ok) failures.push(`${label} → ${status} ${body.slice(0, 160)}`);
  };

  it('refuses every request generated from the OpenAPI document with a 4xx JSON error', async () => {
    const doc = (await (await fetch(`${sut.url}/api/docs-json`)).json()) as Parameters<typeof corpus>[0];
    const requests = corpus(doc);
    expect(requests.length).toBeGreaterThanOrEqual(300);
    for (const request of requests) {
      const res = await fetch(`${sut.url}${request.path}`, {
        method: request.method.toUpperCase(),
        headers: { authorization: admin, ...(request.contentType && { 'content-type': request.contentType }) },
        body: request.body,
      });
      judge(request.label, res.status, await res.text());
    }
    expect(sut.alive()).toBe(true);
  });

  it('refuses hostile multipart uploads and broken audio with a 4xx JSON error and leaves nothing behind', async () => {
    const boundary = 'bad-input-boundary';
    const externalId = `bad-input-${Date.now()}`;
    const head = (extra = '') => `POST /api/v1/recordings HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: ${admin}\r\n${extra}`;
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const fields =
      field('externalId', externalId) + field('agentExternalId', 'no-such-agent') + field('startedAt', '2026-11-28T09:30:00Z') + field('direction', 'inbound');
    const filePart = (bytes: Buffer, name = 'file', filename = 'call.wav') =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: audio/wav\r\n\r\n`),
        bytes,
        Buffer.from('\r\n'),
      ]);
    const multipart = (...parts: (string | Buffer)[]) => {
      const body = Buffer.concat([...parts.map((p) => Buffer.from(p)), Buffer.from(`--${boundary}--\r\n`)]);
      return [head(`Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\n\r\n`), body];
    };
    const wav = readFileSync(silence(1));
    const cases: [string, (string | Buffer)[]][] = [
      ['no file part', multipart(fields)],
      ['text mislabelled as audio', multipart(fields, filePart(Buffer.from('this is not audio at all')))],
      ['truncated WAV', multipart(fields, filePart(readFileSync(truncated(silence(1), 0.01))))],
      ['empty file', multipart(fields, filePart(Buffer.alloc(0)))],
      ['traversal in the file name', multipart(fields, filePart(wav, 'file', '../../../../etc/passwd'))],
      ['unknown file part', multipart(fields, filePart(wav, 'evil'))],
      ['unknown agent', multipart(fields, filePart(wav))],
      ['NUL in a field', multipart(field('queue', 'a\u0000b'), fields, filePart(wav))],
      [
        'bad date',
        multipart(
          field('externalId', `${externalId}-d`),
          field('agentExternalId', 'x'),
          field('startedAt', '2026-02-30T25:61:00Z'),
          field('direction', 'inbound'),
          filePart(wav),
        ),
      ],
      [
        'bad direction',
        multipart(
          field('externalId', `${externalId}-e`),
          field('agentExternalId', 'x'),
          field('startedAt', '2026-11-28T09:30:00Z'),
          field('direction', 'sideways'),
          filePart(wav),
        ),
      ],
      ['tags not JSON', multipart(fields, field('tags', '{not json'), filePart(wav))],
      ['malformed transcript', multipart(fields, field('transcript', '[{"speaker":'), filePart(wav))],
      ['no boundary', [head('Content-Type: multipart/form-data\r\nContent-Length: 4\r\n\r\n'), 'abcd']],
      ['not multipart', [head('Content-Type: application/json\r\nContent-Length: 2\r\n\r\n'), '{}']],
      [
        'file cut short (chunked)',
        [
          head(`Content-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n\r\n`),
          chunk(fields),
          chunk(filePart(Buffer.from('RIFF'))),
          LAST_CHUNK,
        ],
      ],
      [
        'chunked over the size limit',
        [
          head(`Content-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n\r\n`),
          chunk(filePart(Buffer.alloc(3 * 1024 * 1024, 7))),
          LAST_CHUNK,
        ],
      ],
      ['declared length over the limit', multipart(fields, filePart(Buffer.alloc(4 * 1024 * 1024, 7)))],
      ['two audio files', multipart(fields, filePart(wav), filePart(wav))],
      ['oversized header', [head(`X-Padding: ${'x'.repeat(20_000)}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 0\r\n\r\n`)]],
    ];
    for (const [label, bytes] of cases) {
      const res = await rawHttp(sut.url, bytes);
      judge(`upload: ${label}`, res?.status, res?.body ?? '');
    }
    const rangeCases = ['bytes=abc', 'bytes=5-1', 'bytes=99999999999999999999-', 'items=0-1', 'bytes=-', 'bytes=0-1,2-3,4-5'];
    for (const range of rangeCases) {
      const res = await fetch(`${sut.url}/api/v1/recordings/${UNKNOWN_ID}/audio`, { headers: { authorization: admin, range } });
      judge(`audio range ${range}`, res.status, await res.text());
    }
    expect(sut.alive()).toBe(true);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM recordings WHERE external_id LIKE $1`, [`${externalId}%`]);
    expect(rows[0].n).toBe(0);
    expect(readdirSync(join(storageDir, 'staging'))).toEqual([]);
    expect(readdirSync(storageDir).filter((name) => name !== 'staging')).toEqual([]);
  });

  afterAll(() => {
    // The tally, printed whatever happened.
    console.log(
      `bad input: ${tally.requests} requests, ${tally.clientErrors} refused with a 4xx JSON error, ${tally.serverErrors} 5xx, ${tally.other} other\n${failures.slice(0, 40).join('\n')}`,
    );
  });

  it('answered nothing but 4xx JSON errors', () => {
    expect(failures).toEqual([]);
    expect(tally.serverErrors).toBe(0);
  });
});
