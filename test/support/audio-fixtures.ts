import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

/** Calls made here with flite and sox, cached per content so a run makes each once. */
const DIR = join(tmpdir(), 'callgrade-test-audio');
mkdirSync(DIR, { recursive: true });

const cached = (key: string, ext: string, make: (out: string) => void): string => {
  const out = join(DIR, `${createHash('sha1').update(key).digest('hex').slice(0, 16)}.${ext}`);
  if (!existsSync(out)) {
    const tmp = `${out}.${process.pid}.tmp.${ext}`;
    make(tmp);
    execFileSync('mv', [tmp, out]);
  }
  return out;
};

export type Voice = 'slt' | 'awb' | 'rms';

/** Mono 16 kHz speech. */
export function speech(text: string, voice: Voice = 'slt'): string {
  return cached(`speech:${voice}:${text}`, 'wav', (out) => execFileSync('flite', ['-voice', voice, '-t', text, '-o', out]));
}

/** A two-channel call: agent on the left, customer on the right after the agent, like a real exchange. */
export function stereoCall(agentText: string, customerText: string, options: { agentVoice?: Voice; customerVoice?: Voice } = {}): string {
  return cached(`call:${agentText}|${customerText}|${options.agentVoice}|${options.customerVoice}`, 'wav', (out) => {
    const agent = speech(agentText, options.agentVoice ?? 'slt');
    const customer = speech(customerText, options.customerVoice ?? 'awb');
    const agentSeconds = Number(execFileSync('soxi', ['-D', agent]).toString());
    const left = `${out}.l.wav`;
    const right = `${out}.r.wav`;
    execFileSync('sox', [agent, left, 'pad', '0', '2']);
    execFileSync('sox', [customer, right, 'pad', String(agentSeconds + 0.5), '0']);
    execFileSync('sox', ['-M', left, right, out]);
    execFileSync('rm', ['-f', left, right]);
  });
}

/** The same audio in another container, through ffmpeg. */
export function convert(wav: string, format: 'mp3' | 'ogg' | 'flac' | 'opus'): string {
  const ext = format === 'opus' ? 'ogg' : format;
  const codec = { mp3: ['-c:a', 'libmp3lame', '-b:a', '64k'], ogg: ['-c:a', 'libvorbis'], flac: ['-c:a', 'flac'], opus: ['-c:a', 'libopus'] }[format];
  return cached(`convert:${wav}:${format}`, ext, (out) => execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', wav, ...codec, out]));
}

/** Silence of a given length, mono 8 kHz: the cheapest valid audio, for tests that only need "a file". */
export function silence(seconds: number, rate = 8000): string {
  return cached(`silence:${seconds}:${rate}`, 'wav', (out) =>
    execFileSync('sox', ['-n', '-r', String(rate), '-c', '1', '-b', '16', out, 'trim', '0', String(seconds)]),
  );
}

/** The first `fraction` of a file's bytes: a truncated upload. */
export function truncated(path: string, fraction = 0.5): string {
  return cached(`truncated:${path}:${fraction}`, path.split('.').pop()!, (out) => {
    const bytes = readFileSync(path);
    writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  });
}
