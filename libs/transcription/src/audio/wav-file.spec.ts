import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concat, silence, tone, writeWav } from '../../test/synthetic-pcm.builder';
import { parseWav as sut } from './wav-file';

describe('parseWav', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wav-spec-'));
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the sample rate and the samples of the first channel', async () => {
    const left = concat(tone(20), silence(20));
    const path = await writeWav(join(dir, 'stereo.wav'), [left, silence(40)]);

    const pcm = sut(await readFile(path));

    expect(pcm.sampleRate).toBe(16000);
    expect(pcm.samples).toEqual(left);
  });

  it('skips chunks before the data, like the LIST chunk ffmpeg writes', async () => {
    const plain = await readFile(await writeWav(join(dir, 'plain.wav'), [tone(10)]));
    const list = Buffer.concat([Buffer.from('LIST', 'latin1'), Buffer.from([5, 0, 0, 0]), Buffer.from('INFOx\0', 'latin1')]);
    const withList = Buffer.concat([plain.subarray(0, 36), list, plain.subarray(36)]);

    expect(sut(withList).samples).toEqual(tone(10));
  });

  it('rejects a WAV that is not 16-bit PCM', async () => {
    const alaw = await readFile(await writeWav(join(dir, 'alaw.wav'), [tone(10)]));
    alaw.writeUInt16LE(6, 20);

    expect(() => sut(alaw)).toThrow(expect.objectContaining({ code: 'invalid_audio' }));
  });

  it('rejects a file that is not RIFF/WAVE', () => {
    expect(() => sut(Buffer.from('ID3 not a wav at all'))).toThrow(expect.objectContaining({ code: 'invalid_audio' }));
  });
});
