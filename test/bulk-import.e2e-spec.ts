import { UserRole } from '@callgrade/database';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TEST_ENV } from './test-environment';
import { speech } from './support/audio-fixtures';
import { aUser, anAgent, TestUser, uniqueCallId } from './support/builders';
import { startTestApp, TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
// Each run starts a Node process that compiles the CLI's TypeScript: seconds on a quiet machine, more on a busy one.
jest.setTimeout(300_000);
// The TypeScript entry itself: building dist/ would take longer than the whole test.
const CLI = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/import.ts'];

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runImport(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, ...TEST_ENV }, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

interface Report {
  counts: { done: number; total: number; imported: number; duplicate: number; refused: number };
  refused: { line: number; file: string; code: string; message: string; errors?: Record<string, string> }[];
}

const HEADER = 'file,externalId,agentId,agentExternalId,startedAt,direction,channelLayout,queue,customerNumber,tags';

describe('Bulk import (npm run import)', () => {
  let sut: TestApp;
  let db: DataSource;
  let admin: TestUser;
  let agent: TestUser;
  let dir: string;
  const call = {
    first: uniqueCallId(),
    second: uniqueCallId(),
    third: uniqueCallId(),
    unknownAgent: uniqueCallId(),
    missing: uniqueCallId(),
    notAudio: uniqueCallId(),
    badDate: uniqueCallId(),
  };
  const goodIds = [call.first, call.second, call.third];

  beforeAll(async () => {
    sut = await startTestApp();
    db = sut.get(DataSource);
    admin = await aUser(sut, UserRole.Admin);
    agent = await anAgent(sut);

    dir = mkdtempSync(join(tmpdir(), 'callgrade-import-'));
    mkdirSync(join(dir, 'calls'));
    copyFileSync(speech('Good morning, billing.'), join(dir, 'first.wav'));
    copyFileSync(speech('Thanks for holding.'), join(dir, 'calls', 'second.wav'));
    copyFileSync(speech('How can I help?'), join(dir, 'third.wav'));
    copyFileSync(speech('Goodbye now.'), join(dir, 'fourth.wav'));
    writeFileSync(join(dir, 'notes.txt'), 'file,externalId,agentId\n'.repeat(100));
  });
  afterAll(() => sut.close());

  const started = '2026-11-28T09:30:00Z';
  const goodRows = () => [
    `first.wav,${call.first},${agent.id},,${started},inbound,,,,`,
    `calls/second.wav,${call.second},,${agent.externalId},${started},outbound,mono,billing,+44 20 7946 0000,"{""campaign"":""renewals""}"`,
    `third.wav,${call.third},${agent.id},,${started},inbound,,,,`,
  ];
  const writeCsv = (name: string, rows: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, [HEADER, ...rows].join('\n') + '\n');
    return path;
  };
  const mixedCsv = () =>
    writeCsv('mixed.csv', [
      goodRows()[0], // line 2
      goodRows()[1], // line 3
      `third.wav,${call.unknownAgent},00000000-0000-4000-8000-000000000000,,${started},inbound,,,,`, // line 4
      `missing.wav,${call.missing},${agent.id},,${started},inbound,,,,`, // line 5
      `notes.txt,${call.notAudio},${agent.id},,${started},inbound,,,,`, // line 6
      `third.wav,${call.badDate},${agent.id},,28/11/2026 09:30,inbound,,,,`, // line 7
      goodRows()[2], // line 8
    ]);
  const readReport = (path: string): Report => JSON.parse(readFileSync(path, 'utf8'));
  const recordingsBy = (userId: string) =>
    db.query('SELECT id, external_id, agent_id, queue, tags, channel_layout FROM recordings WHERE uploaded_by_user_id = $1 ORDER BY external_id', [userId]);

  /** How many transcription jobs the outbox holds for each recording, in the order given. */
  const transcriptionJobs = async (recordings: { id: string }[]) => {
    const found: { recording_id: string; n: number }[] = await db.query(
      `SELECT payload->>'recordingId' AS recording_id, count(*)::int AS n FROM outbox_messages
        WHERE queue = 'transcription' AND job_name = 'transcribe-recording' AND payload->>'recordingId' = ANY($1) GROUP BY 1`,
      [recordings.map((r) => r.id)],
    );
    return recordings.map((r) => found.find((f) => f.recording_id === r.id)?.n ?? 0);
  };

  describe('a CSV with good and bad rows', () => {
    let csv: string;
    let first: CliRun;
    const firstReport = join(tmpdir(), `callgrade-import-report-${process.pid}-1.json`);

    beforeAll(async () => {
      csv = mixedCsv();
      first = await runImport(['--dir', dir, '--csv', csv, '--as', admin.email, '--report', firstReport]);
    });

    it('exits 1 and names each refused row with its line, file and reason', () => {
      expect(first.code).toBe(1);
      expect(first.stdout).toMatch(/imported\s+3\n\s+duplicate\s+0.*\n\s+refused\s+4/);
      expect(first.stdout).toMatch(/line 4 {2}third\.wav: .*agentId no agent has id 00000000-0000-4000-8000-000000000000/);
      expect(first.stdout).toMatch(/line 5 {2}missing\.wav: file not found/);
      expect(first.stdout).toMatch(/line 6 {2}notes\.txt: The file is not usable audio/);
      expect(first.stdout).toMatch(/line 7 {2}third\.wav: .*startedAt .*ISO 8601/);
      expect(first.stdout).not.toMatch(/line [238] /);
    });

    it('reports progress as plain lines when stderr is not a terminal', () => {
      expect(first.stderr).toMatch(/import: 7\/7 rows \| imported 3, duplicate 0, refused 4/);
    });

    it('writes the same summary as JSON with --report', () => {
      const report = readReport(firstReport);
      expect(report.counts).toEqual({ done: 7, total: 7, imported: 3, duplicate: 0, refused: 4 });
      expect(report.refused.map((r) => [r.line, r.file, r.code, Object.keys(r.errors ?? {})])).toEqual([
        [4, 'third.wav', 'validation_failed', ['agentId']],
        [5, 'missing.wav', 'not_found', ['file']],
        [6, 'notes.txt', 'unsupported_media_type', ['file']],
        [7, 'third.wav', 'validation_failed', ['startedAt']],
      ]);
    });

    it('stores the good rows as uploads by the --as user, each with a transcription job', async () => {
      const rows = await recordingsBy(admin.id);
      expect(rows.map((r: { external_id: string }) => r.external_id)).toEqual([...goodIds].sort());
      const second = rows.find((r: { external_id: string }) => r.external_id === call.second);
      expect(second).toMatchObject({ agent_id: agent.id, queue: 'billing', tags: { campaign: 'renewals' }, channel_layout: 'mono' });
      expect(await transcriptionJobs(rows)).toEqual(rows.map(() => 1));
      const refusedIds = [call.unknownAgent, call.missing, call.notAudio, call.badDate];
      expect(await db.query('SELECT id FROM recordings WHERE external_id = ANY($1)', [refusedIds])).toEqual([]);
    });

    it('imports nothing new when run again: the good rows come back as duplicates, the same rows are refused', async () => {
      const before = await recordingsBy(admin.id);
      const againReport = join(tmpdir(), `callgrade-import-report-${process.pid}-2.json`);
      const again = await runImport(['--dir', dir, '--csv', csv, '--as', admin.email, '--report', againReport, '--concurrency', '3']);

      expect(again.code).toBe(1);
      expect(again.stdout).toMatch(/imported\s+0\n\s+duplicate\s+3.*\n\s+refused\s+4/);
      expect(readReport(againReport).refused).toEqual(readReport(firstReport).refused);
      expect(await recordingsBy(admin.id)).toEqual(before);
      expect(await transcriptionJobs(before)).toEqual([1, 1, 1]);
    });
  });

  it('exits 0 for a clean CSV, importing as the first admin by default', async () => {
    const fourth = uniqueCallId();
    const csv = writeCsv('clean.csv', [...goodRows(), `fourth.wav,${fourth},${agent.id},,${started},inbound,,,,`]);
    const run = await runImport(['--dir', dir, '--csv', csv]);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/imported\s+1\n\s+duplicate\s+3.*\n\s+refused\s+0/);
    expect(run.stdout).not.toMatch(/Refused rows/);
    const [firstAdmin] = await db.query(`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY created_at, id LIMIT 1`);
    const [row] = await db.query('SELECT uploaded_by_user_id FROM recordings WHERE external_id = $1', [fourth]);
    expect(row).toEqual({ uploaded_by_user_id: firstAdmin.id });
  });

  it('exits 2 with the usage for a usage error, importing nothing', async () => {
    const csv = writeCsv('usage.csv', [`fourth.wav,${uniqueCallId()},${agent.id},,${started},inbound,,,,`]);
    const [noCsv, agentAsUploader] = await Promise.all([runImport(['--dir', dir]), runImport(['--dir', dir, '--csv', csv, '--as', agent.email])]);

    expect(noCsv.code).toBe(2);
    expect(noCsv.stderr).toMatch(/--csv is required[\s\S]*Usage: npm run import/);
    expect(agentAsUploader.code).toBe(2);
    expect(agentAsUploader.stderr).toMatch(/--as: .* is agent; only an admin or a qa_supervisor can import recordings[\s\S]*Usage:/);
    expect(agentAsUploader.stdout).toBe('');
  });
});
