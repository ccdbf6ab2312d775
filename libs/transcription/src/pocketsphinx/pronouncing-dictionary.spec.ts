import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWordPronouncer, writeExtendedDictionary as sut } from './pronouncing-dictionary';

describe('writeExtendedDictionary', () => {
  let dir: string;
  let systemDict: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ext-dict-'));
    systemDict = join(dir, 'system.dict');
    await writeFile(systemDict, 'hello HH AH L OW\nnorth N AO R TH\n');
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the system dictionary followed by the added words', async () => {
    const path = await sut(systemDict, new Map([['northwind', ['N AO R TH W AY N D', 'N AO R TH W IH N D']]]), join(dir, 'cache'));

    expect(await readFile(path, 'utf8')).toBe('hello HH AH L OW\nnorth N AO R TH\nnorthwind N AO R TH W AY N D\nnorthwind(2) N AO R TH W IH N D\n');
  });

  it('reuses the cached file for the same vocabulary and writes a new one for another', async () => {
    const cache = join(dir, 'cache');
    const first = await sut(systemDict, new Map([['priya', ['P R IY Y AH']]]), cache);
    const again = await sut(systemDict, new Map([['priya', ['P R IY Y AH']]]), cache);
    const other = await sut(systemDict, new Map([['raj', ['R AA JH']]]), cache);

    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('returns the system dictionary when nothing is added', async () => {
    await expect(sut(systemDict, new Map(), join(dir, 'cache'))).resolves.toBe(systemDict);
  });
});

describe('loadWordPronouncer', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pronouncer-'));
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('gives dictionary pronunciations, composes unknown compounds, and guesses unknown names from spelling', async () => {
    const path = join(dir, 'words.dict');
    await writeFile(path, 'sea S IY1\nbrook B R UH1 K\nbright B R AY1 T\nread R IY1 D\nread(2) R EH1 D\n');
    const pronounce = await loadWordPronouncer(path);

    expect(pronounce('read')).toEqual(['R IY1 D', 'R EH1 D']);
    // "sea" is too short to trust as a dictionary piece: spelt by rule, then "brook" from the dictionary.
    expect(pronounce('seabrook')).toEqual(['S IY B R UH1 K']);
    expect(pronounce('brightbrook')).toEqual(['B R AY1 T B R UH1 K']);
    expect(pronounce('zolt')[0]).toMatch(/^Z .*L T$/);
    expect(pronounce('二')).toEqual([]);
  });

  it('gives nothing, rather than failing, when the dictionary cannot be read', async () => {
    const pronounce = await loadWordPronouncer(join(dir, 'missing.dict'));

    expect(pronounce('hello')).toEqual([]);
  });
});
