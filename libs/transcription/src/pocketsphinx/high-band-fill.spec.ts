import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concat, silence, tone, writeWav } from '../../test/synthetic-pcm.builder';
import { readWavFile } from '../audio/wav-file';
import { fillEmptyHighBand as sut } from './high-band-fill';

const rms = (values: number[]) => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / values.length);

/** Near -1 for content close to the top of the band, near +1 for low frequencies. */
const lagOneCorrelation = (values: number[]) => values.slice(1).reduce((sum, v, i) => sum + v * values[i], 0) / values.reduce((sum, v) => sum + v * v, 0);

describe('fillEmptyHighBand', () => {
  let dir: string;
  let narrowband: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'high-band-'));
    narrowband = await writeWav(join(dir, 'narrowband.wav'), [concat(silence(500), tone(1000), silence(500))]);
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('adds high-band noise while someone speaks and leaves silence silent', async () => {
    const filled = (await readWavFile(await sut(narrowband, 8000, dir))).samples;
    const original = (await readWavFile(narrowband)).samples;
    const added = Array.from(filled, (sample, i) => sample - original[i]);

    const duringTone = added.slice(8800, 23200);
    expect(rms(duringTone) / rms(Array.from(original.subarray(8800, 23200)))).toBeGreaterThan(0.02);
    expect(rms(duringTone) / rms(Array.from(original.subarray(8800, 23200)))).toBeLessThan(0.06);
    expect(lagOneCorrelation(duringTone)).toBeLessThan(-0.5);
    expect(added.slice(0, 7000).every((sample) => sample === 0)).toBe(true);
    expect(added.slice(25000).every((sample) => sample === 0)).toBe(true);
  });

  it('writes the same samples every time for the same input', async () => {
    const first = (await readWavFile(await sut(narrowband, 8000, await mkdtemp(join(dir, 'a-'))))).samples;
    const second = (await readWavFile(await sut(narrowband, 8000, await mkdtemp(join(dir, 'b-'))))).samples;

    expect(Buffer.from(second.buffer).equals(Buffer.from(first.buffer))).toBe(true);
  });

  it('leaves wideband audio alone', async () => {
    await expect(sut(narrowband, 16000, dir)).resolves.toBe(narrowband);
  });

  it('leaves a silent recording alone', async () => {
    const silent = await writeWav(join(dir, 'silent.wav'), [silence(500)]);

    await expect(sut(silent, 8000, dir)).resolves.toBe(silent);
  });
});
