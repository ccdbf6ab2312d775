import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aFliteCall, CALL_VOCABULARY, transcode, type FliteCall } from '../test/flite-call.builder';
import { runCommand } from '../test/run-command';
import { PocketsphinxTranscriber } from './pocketsphinx/pocketsphinx.transcriber';
import type { RecognisedSegment } from './segments/words-to-segments';
import { transcribeRecording as sut } from './transcribe-recording';

// Each recognition runs pocketsphinx twice per channel; slow when the machine is busy.
jest.setTimeout(120_000);

const wordsOf = (segments: RecognisedSegment[], speaker: string) =>
  segments.filter((segment) => segment.speaker === speaker).flatMap((segment) => segment.words.map((word) => word.text));

describe('transcribeRecording', () => {
  let dir: string;
  let tmpRoot: string;
  let call: FliteCall;
  const transcriber = new PocketsphinxTranscriber({ cacheDir: join(tmpdir(), 'callgrade-pocketsphinx-test') });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'transcribe-recording-'));
    call = await aFliteCall(dir);
  });

  beforeEach(async () => {
    tmpRoot = await mkdtemp(join(dir, 'tmp-'));
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('transcribes a stereo call into time-ordered agent and customer segments', async () => {
    const result = await sut({
      audioPath: call.stereoPath,
      channels: 2,
      channelLayout: 'agent-left',
      transcriber,
      vocabulary: CALL_VOCABULARY,
      tmpRoot,
    });

    const agent = wordsOf(result.segments, 'agent');
    const customer = wordsOf(result.segments, 'customer');
    expect(agent).toEqual(expect.arrayContaining(['hello', 'northwind', 'priya', 'help']));
    expect(customer).toEqual(expect.arrayContaining(['lost', 'need']));
    expect(agent).not.toContain('lost');
    expect(agent).not.toContain('need');
    expect(result.segments.map((segment) => segment.speaker)).toEqual(['agent', 'customer']);
    expect(result.segments[1].startMs).toBeGreaterThanOrEqual(6500);
    expect(result.engine).toBe('pocketsphinx');
    expect(result.facts.overlapMs).toBe(0);
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  it('resamples 8 kHz A-law telephone audio and still recognises both sides', async () => {
    const telephone = await transcode(call.stereoPath, join(dir, 'telephone.wav'), ['-ar', '8000', '-c:a', 'pcm_alaw']);

    const result = await sut({ audioPath: telephone, channels: 2, channelLayout: 'agent-left', transcriber, vocabulary: CALL_VOCABULARY, tmpRoot });

    expect(wordsOf(result.segments, 'agent')).toEqual(expect.arrayContaining(['hello', 'name', 'help']));
    expect(wordsOf(result.segments, 'customer')).toEqual(expect.arrayContaining(['need', 'new', 'one']));
    expect(result.facts.talkMs.agent).toBeGreaterThan(4000);
  });

  it('returns no segments for a silent recording', async () => {
    const silent = join(dir, 'silent.wav');
    await runCommand('sox', ['-n', '-r', '8000', '-c', '2', '-b', '16', silent, 'trim', '0', '3']);

    const result = await sut({ audioPath: silent, channels: 2, channelLayout: 'agent-right', transcriber, tmpRoot });

    expect(result.segments).toEqual([]);
    expect(result.facts).toEqual({
      durationMs: 3000,
      talkMs: { agent: 0, customer: 0, unknown: 0 },
      longestSilenceMs: 0,
      longestSilenceStartMs: 0,
      overlapMs: 0,
    });
  });

  it('fails with undecodable_audio for a corrupt file and leaves no temporary files', async () => {
    const corrupt = join(dir, 'corrupt.mp3');
    await writeFile(corrupt, Buffer.alloc(4096, 0x5a));

    await expect(sut({ audioPath: corrupt, channels: 2, channelLayout: 'agent-left', transcriber, tmpRoot })).rejects.toMatchObject({
      code: 'undecodable_audio',
    });
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  it('removes its temporary files when recognition fails', async () => {
    const broken = new PocketsphinxTranscriber({ binary: join(dir, 'no-such-pocketsphinx') });

    await expect(sut({ audioPath: call.stereoPath, channels: 2, channelLayout: 'agent-left', transcriber: broken, tmpRoot })).rejects.toMatchObject({
      code: 'engine_missing',
    });
    expect(await readdir(tmpRoot)).toEqual([]);
  });
});
