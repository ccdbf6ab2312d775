import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALL_VOCABULARY, aFliteCall } from '../../test/flite-call.builder';
import { runCommand } from '../../test/run-command';
import type { RecognizedWord } from '../transcriber';
import { PocketsphinxTranscriber } from './pocketsphinx.transcriber';

// Real tools (flite, sox, ffmpeg, pocketsphinx) are slow when the machine is busy.
jest.setTimeout(60_000);

const texts = (words: RecognizedWord[]) => words.map((word) => word.text);

describe('PocketsphinxTranscriber', () => {
  let dir: string;
  let greeting: string;
  let sut: PocketsphinxTranscriber;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pocketsphinx-spec-'));
    greeting = (await aFliteCall(dir)).agentPath;
    sut = new PocketsphinxTranscriber({ cacheDir: join(dir, 'cache') });
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('recognises the greeting with the company and agent names from the vocabulary', async () => {
    const words = await sut.transcribe({ wavPath: greeting, vocabulary: CALL_VOCABULARY });

    expect(texts(words)).toEqual(expect.arrayContaining(['hello', 'northwind', 'priya', 'help', 'today']));
    expect(words.every((word) => word.confidence >= 0 && word.confidence <= 1 && word.startMs < word.endMs)).toBe(true);
    const northwind = words.find((word) => word.text === 'northwind');
    expect(northwind?.startMs).toBeGreaterThan(1000);
    expect(northwind?.endMs).toBeLessThan(3000);
  });

  it('cannot produce the names without the vocabulary, which is why it spots them', async () => {
    const words = await sut.transcribe({ wavPath: greeting });

    expect(texts(words)).toContain('hello');
    expect(texts(words)).not.toContain('northwind');
    expect(texts(words)).not.toContain('priya');
  });

  it('does not put a name into speech that only sounds close to it', async () => {
    const path = join(dir, 'close.wav');
    await runCommand('flite', ['-voice', 'rms', '-t', 'The priest prayed near the window. Please call Maria or Peter.', '-o', path]);

    const words = await sut.transcribe({ wavPath: path, vocabulary: CALL_VOCABULARY });

    expect(texts(words)).not.toContain('priya');
    expect(texts(words)).not.toContain('northwind');
  });

  it('fails with unsupported_language for a language it has no model for', async () => {
    await expect(sut.transcribe({ wavPath: greeting, language: 'de' })).rejects.toMatchObject({ code: 'unsupported_language' });
  });

  it('fails with model_missing when the model directory is wrong', async () => {
    const broken = new PocketsphinxTranscriber({ modelDir: join(dir, 'no-model') });

    await expect(broken.transcribe({ wavPath: greeting })).rejects.toMatchObject({
      code: 'model_missing',
      message: expect.stringContaining('apt-get install pocketsphinx-en-us'),
    });
  });

  it('fails with engine_missing when the binary is not installed', async () => {
    const broken = new PocketsphinxTranscriber({ binary: join(dir, 'no-such-pocketsphinx') });

    await expect(broken.transcribe({ wavPath: greeting })).rejects.toMatchObject({ code: 'engine_missing' });
  });

  it('fails with engine_failed and the reason when the audio file is missing', async () => {
    await expect(sut.transcribe({ wavPath: join(dir, 'missing.wav') })).rejects.toMatchObject({
      code: 'engine_failed',
      message: expect.stringContaining('Failed to open file'),
    });
  });

  it('stops with timeout when recognition takes longer than allowed', async () => {
    await expect(sut.transcribe({ wavPath: greeting }, { timeoutMs: 50 })).rejects.toMatchObject({ code: 'timeout' });
  });

  it('stops with aborted when the job is cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    await expect(sut.transcribe({ wavPath: greeting }, { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
  });
});
