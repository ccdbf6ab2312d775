import { ExitCode } from './exit-code';
import { exitCodeFor, formatSummary, ImportSummary, ImportTally } from './import-summary';

const row = (line: number, file = `${line}.wav`) => ({ line, file, fields: {} });

describe('import summary', () => {
  it('counts outcomes arriving in any order, and lists refused rows by line', () => {
    const sut = new ImportTally(4);
    sut.add(row(5), { kind: 'refused', refusal: { code: 'not_found', message: 'file not found' } });
    sut.add(row(2), { kind: 'imported', recordingId: 'r1' });
    sut.add(row(3), { kind: 'refused', refusal: { code: 'validation_failed', message: 'bad' } });
    sut.add(row(4), { kind: 'duplicate', recordingId: 'r2' });
    expect(sut.counts()).toEqual({ done: 4, total: 4, imported: 1, duplicate: 1, refused: 2 });
    expect(sut.refusedRows().map((r) => r.line)).toEqual([3, 5]);
  });

  const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
    csv: '/data/calls.csv',
    dir: '/data',
    uploader: 'admin@example.com',
    startedAt: '2026-11-28T09:30:00.000Z',
    durationMs: 1500,
    counts: { done: 3, total: 3, imported: 1, duplicate: 1, refused: 1 },
    refused: [],
    ...over,
  });

  it('prints field errors the message does not already spell out', () => {
    const text = formatSummary(
      summary({
        refused: [
          {
            line: 4,
            file: 'a.wav',
            code: 'validation_failed',
            message: 'The recording metadata is invalid: startedAt is wrong',
            errors: { startedAt: 'is wrong' },
          },
          { line: 12, file: 'b.txt', code: 'unsupported_media_type', message: 'The file is not usable audio: no known header', errors: { file: 'not audio' } },
        ],
      }),
    );
    expect(text).toContain('line  4  a.wav: The recording metadata is invalid: startedAt is wrong\n  line 12  b.txt');
    expect(text).toContain('file: not audio');
    expect(text).not.toContain('startedAt: is wrong');
  });

  it.each([
    [summary({ refused: [] }), ExitCode.Ok],
    [summary({ refused: [{ line: 2, file: 'a', code: 'x', message: 'y' }] }), ExitCode.RowsRefused],
    [summary({ stoppedBecause: 'database down' }), ExitCode.Failed],
    [summary({ interrupted: true }), ExitCode.Interrupted],
  ])('exits with the code for %#', (s, code) => {
    expect(exitCodeFor(s)).toBe(code);
  });
});
