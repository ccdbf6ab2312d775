import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { muteSpans } from './mute-spans';
import { readWavFile } from './wav-file';

describe('muteSpans', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'mute-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const peak = (samples: Int16Array, rate: number, fromMs: number, toMs: number) => {
    let max = 0;
    for (let i = Math.floor((fromMs * rate) / 1000); i < Math.floor((toMs * rate) / 1000); i++) max = Math.max(max, Math.abs(samples[i]));
    return max;
  };

  it('silences exactly the spans and keeps the rest of the tone', async () => {
    const input = join(dir, 'tone.wav');
    execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', input, 'synth', '3', 'sine', '440', 'vol', '0.5']);
    const output = join(dir, 'muted.wav');
    await muteSpans(input, output, [{ startMs: 1000, endMs: 2000 }]);
    const { samples, sampleRate } = await readWavFile(output);
    expect(sampleRate).toBe(16000);
    expect(peak(samples, sampleRate, 1050, 1950)).toBe(0);
    expect(peak(samples, sampleRate, 100, 900)).toBeGreaterThan(10000);
    expect(peak(samples, sampleRate, 2100, 2900)).toBeGreaterThan(10000);
  });
});
