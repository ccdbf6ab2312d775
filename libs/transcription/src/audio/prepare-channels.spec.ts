import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transcode } from '../../test/flite-call.builder';
import { runCommand } from '../../test/run-command';
import { concat, silence, tone, writeWav } from '../../test/synthetic-pcm.builder';
import { measureTalkFactsOfFiles } from './measure-recording';
import { prepareChannels as sut } from './prepare-channels';
import { readWavFile } from './wav-file';

// Real tools (flite, sox, ffmpeg, pocketsphinx) are slow when the machine is busy.
jest.setTimeout(60_000);

const peak = (samples: Int16Array, fromMs: number, toMs: number) => Math.max(...samples.subarray((fromMs * 16000) / 1000, (toMs * 16000) / 1000).map(Math.abs));

describe('prepareChannels', () => {
  let dir: string;
  let tmpRoot: string;
  let stereo: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prepare-spec-'));
    // Left channel talks 0-1000 ms, right channel 1500-2500 ms.
    stereo = await writeWav(join(dir, 'stereo.wav'), [concat(tone(1000), silence(2000)), concat(silence(1500), tone(1000), silence(500))]);
  });

  beforeEach(async () => {
    tmpRoot = await mkdtemp(join(dir, 'tmp-'));
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['8 kHz A-law WAV', 'alaw.wav', ['-ar', '8000', '-c:a', 'pcm_alaw']],
    ['8 kHz µ-law WAV', 'ulaw.wav', ['-ar', '8000', '-c:a', 'pcm_mulaw']],
    ['MP3', 'call.mp3', ['-c:a', 'libmp3lame', '-b:a', '64k']],
    ['Ogg/Opus', 'call.opus.ogg', ['-c:a', 'libopus', '-b:a', '32k']],
    ['Ogg/Vorbis', 'call.ogg', ['-c:a', 'libvorbis']],
    ['FLAC', 'call.flac', ['-c:a', 'flac']],
  ])('turns stereo %s into one 16 kHz mono WAV per speaker', async (_format, name, codecArgs) => {
    const input = await transcode(stereo, join(dir, name), codecArgs);

    const audio = await sut({ audioPath: input, channels: 2, layout: 'agent-left', tmpRoot });
    try {
      expect(audio.channels.map((channel) => channel.speaker)).toEqual(['agent', 'customer']);
      for (const channel of audio.channels) {
        const pcm = await readWavFile(channel.wavPath);
        expect(pcm.sampleRate).toBe(16000);
        expect(pcm.samples.length / 16000).toBeCloseTo(3, 1);
        expect(await runCommand('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,channels', '-of', 'csv=p=0', channel.wavPath])).toBe(
          'pcm_s16le,1\n',
        );
      }
      const facts = await measureTalkFactsOfFiles(audio.channels);
      expect(facts.talkMs.agent).toBeCloseTo(1000, -2);
      expect(facts.talkMs.customer).toBeCloseTo(1000, -2);
      expect(facts.overlapMs).toBe(0);
    } finally {
      await audio.cleanup();
    }
  });

  it('takes the agent from the right channel for agent-right', async () => {
    const audio = await sut({ audioPath: stereo, channels: 2, layout: 'agent-right', tmpRoot });
    try {
      const [agent, customer] = await Promise.all(audio.channels.map((channel) => readWavFile(channel.wavPath)));

      expect(audio.channels.map((channel) => channel.speaker)).toEqual(['agent', 'customer']);
      expect(peak(agent.samples, 0, 1000)).toBe(0);
      expect(peak(agent.samples, 1500, 2500)).toBeGreaterThan(8000);
      expect(peak(customer.samples, 0, 1000)).toBeGreaterThan(8000);
      expect(peak(customer.samples, 1500, 2500)).toBe(0);
    } finally {
      await audio.cleanup();
    }
  });

  it('mixes a mono layout into one channel of unknown speaker', async () => {
    const audio = await sut({ audioPath: stereo, channels: 2, layout: 'mono', tmpRoot });
    try {
      expect(audio.channels.map((channel) => channel.speaker)).toEqual(['unknown']);
      expect((await measureTalkFactsOfFiles(audio.channels)).talkMs.unknown).toBeCloseTo(2000, -2);
    } finally {
      await audio.cleanup();
    }
  });

  it('removes its temporary directory on cleanup', async () => {
    const audio = await sut({ audioPath: stereo, channels: 2, layout: 'agent-left', tmpRoot });
    expect(existsSync(audio.dir)).toBe(true);

    await audio.cleanup();

    expect(existsSync(audio.dir)).toBe(false);
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  it('fails with undecodable_audio for a corrupt file and leaves nothing behind', async () => {
    const corrupt = join(dir, 'corrupt.wav');
    await writeFile(corrupt, Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(3000, 0xa5)]));

    await expect(sut({ audioPath: corrupt, channels: 2, layout: 'agent-left', tmpRoot })).rejects.toMatchObject({
      code: 'undecodable_audio',
    });
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  it('fails with undecodable_audio for a missing file and leaves nothing behind', async () => {
    await expect(sut({ audioPath: join(dir, 'missing.mp3'), channels: 1, layout: 'mono', tmpRoot })).rejects.toMatchObject({
      code: 'undecodable_audio',
    });
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  it('reads the path as a local file, never as a URL or ffmpeg protocol', async () => {
    await expect(sut({ audioPath: 'http://127.0.0.1:9/call.wav', channels: 1, layout: 'mono', tmpRoot })).rejects.toMatchObject({
      code: 'undecodable_audio',
      message: expect.stringContaining('No such file or directory'),
    });
  });

  it('fails with channel_mismatch when a mono file is declared as a stereo call, and leaves nothing behind', async () => {
    const mono = await writeWav(join(dir, 'mono.wav'), [tone(500)]);

    await expect(sut({ audioPath: mono, channels: 2, layout: 'agent-left', tmpRoot })).rejects.toMatchObject({ code: 'channel_mismatch' });
    await expect(sut({ audioPath: mono, channels: 1, layout: 'agent-left', tmpRoot })).rejects.toMatchObject({ code: 'channel_mismatch' });
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  it('stops with aborted when the job is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();

    await expect(sut({ audioPath: stereo, channels: 2, layout: 'agent-left', tmpRoot, signal: controller.signal })).rejects.toMatchObject({
      code: 'aborted',
    });
    expect(await readdir(tmpRoot)).toEqual([]);
  });
});
