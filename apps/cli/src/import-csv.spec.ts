import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportRow, inspectImportCsv, readImportCsv } from './import-csv';
import { UsageError } from './usage-error';

const dir = mkdtempSync(join(tmpdir(), 'callgrade-import-csv-'));
let n = 0;
const csvFile = (text: string) => {
  const path = join(dir, `${++n}.csv`);
  writeFileSync(path, text);
  return path;
};
const rowsOf = async (path: string) => {
  const { columns } = await inspectImportCsv(path);
  const rows: ImportRow[] = [];
  for await (const row of readImportCsv(path, columns)) rows.push(row);
  return rows;
};

describe('import CSV', () => {
  it('counts the data rows, skipping blank lines and rows of empty cells', async () => {
    const sut = csvFile('\uFEFFfile,externalId\na.wav,1\n\n,\nb.wav,2\n');
    expect(await inspectImportCsv(sut)).toEqual({ columns: ['file', 'externalId'], rows: 2 });
  });

  it('gives each row the line it starts on, and leaves empty cells out', async () => {
    const sut = csvFile('file,externalId,queue,tags\na.wav,1,,\n\nb.wav,2,"two\nlines",\n c.wav ,3, ,"{""a"":""b""}"\n');
    expect(await rowsOf(sut)).toEqual([
      { line: 2, file: 'a.wav', fields: { externalId: '1' } },
      { line: 4, file: 'b.wav', fields: { externalId: '2', queue: 'two\nlines' } },
      { line: 6, file: 'c.wav', fields: { externalId: '3', tags: '{"a":"b"}' } },
    ]);
  });

  it('marks a row with the wrong number of cells instead of guessing', async () => {
    const [row] = await rowsOf(csvFile('file,externalId\na.wav,1,extra\n'));
    expect(row.problem).toBe('the row has 3 cells where the header has 2');
  });

  it.each([
    ['an unknown column', 'file,externalId,colour\n', /unknown column "colour".*Known columns: file, externalId/],
    ['no file column', 'externalId,agentId\n', /no "file" column/],
    ['a repeated column', 'file,queue,queue\n', /queue more than once/],
    ['an empty file', '', /is empty: it needs a header row/],
    ['a quote left open', 'file,externalId\n"a.wav,1\n', /is not a CSV this command can read: Quote Not Closed/],
  ])('refuses %s up front', async (_name, text, message) => {
    await expect(inspectImportCsv(csvFile(text))).rejects.toThrow(message);
  });

  it('refuses a CSV that is not there', async () => {
    await expect(inspectImportCsv(join(dir, 'nope.csv'))).rejects.toThrow(new UsageError(`The CSV ${join(dir, 'nope.csv')} does not exist`));
  });
});
