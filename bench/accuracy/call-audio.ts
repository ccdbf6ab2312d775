import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../transcribe/run-command';
import type { Party, Turn } from './accuracy-calls';

/** Synthesised audio, kept between runs by content hash; outside the repository. */
export const AUDIO_CACHE_DIR = process.env.CALLGRADE_AUDIO_CACHE ?? join(homedir(), '.cache', 'callgrade-accuracy');

const RATE = 16_000;
const LEAD_IN_MS = 300;
const TAIL_MS = 500;
const DEFAULT_GAP_MS = 600;
/** Bumped when the way audio is made changes, so old cache entries are not reused. */
const AUDIO_RECIPE = 'accuracy-audio-v1';

export interface PlacedTurn {
  speaker: Party;
  text: string;
  startMs: number;
  endMs: number;
  card: boolean;
}

export interface CallAudio {
  /** Stereo 16-bit WAV at `sampleRate`: agent left, customer right. */
  path: string;
  sampleRate: number;
  turns: PlacedTurn[];
  durationMs: number;
}

const hash = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify([AUDIO_RECIPE, value]))
    .digest('hex')
    .slice(0, 24);

async function cached(key: unknown, make: (out: string) => Promise<void>): Promise<string> {
  mkdirSync(AUDIO_CACHE_DIR, { recursive: true });
  const path = join(AUDIO_CACHE_DIR, `${hash(key)}.wav`);
  if (existsSync(path)) return path;
  const tmp = `${path}.${randomUUID()}.tmp.wav`;
  try {
    await make(tmp);
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
  return path;
}

/** Every English voice the installed synthesisers have, as `engine:voice`; mbrola voices need data that is not installed. */
export async function availableVoices(): Promise<string[]> {
  const flite = (await runCommand('flite', ['-lv']))
    .replace(/^.*?:/, '')
    .trim()
    .split(/\s+/)
    // awb_time is a limited-domain voice: it can only say the time.
    .filter((v) => v && !v.endsWith('_time'))
    .map((v) => `flite:${v}`);
  const espeak = (await runCommand('espeak-ng', ['--voices=en']))
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 5 && cols[4].startsWith('gmw/'))
    .map((cols) => `espeak-ng:${cols[1]}`);
  return [...new Set([...flite, ...espeak])];
}

/** One utterance, mono 16 kHz. */
export function speak(text: string, voice: string): Promise<string> {
  return cached(['speech', voice, text], async (out) => {
    const [engine, name] = voice.split(':');
    const raw = `${out}.raw.wav`;
    try {
      if (engine === 'flite') await runCommand('flite', ['-voice', name, '-t', text, '-o', raw]);
      else if (engine === 'espeak-ng') await runCommand('espeak-ng', ['-v', name, '-w', raw, text]);
      else throw new Error(`unknown synthesiser in voice "${voice}"`);
      await runCommand('sox', [raw, '-r', String(RATE), '-c', '1', '-b', '16', out]);
    } finally {
      await rm(raw, { force: true });
    }
  });
}

const durationMs = async (wav: string) => Math.round(Number((await runCommand('soxi', ['-D', wav])).trim()) * 1000);

/** A two-party call at 16 kHz, agent left and customer right, laid out as scripted. */
export async function callAudio(call: { agentVoice: string; customerVoice: string; turns: readonly Turn[] }): Promise<CallAudio> {
  const placed: (PlacedTurn & { wav: string })[] = [];
  let cursor = LEAD_IN_MS;
  let end = LEAD_IN_MS;
  for (const turn of call.turns) {
    if ('silenceMs' in turn) {
      cursor = end + turn.silenceMs;
      continue;
    }
    const wav = await speak(turn.text, turn.speaker === 'agent' ? call.agentVoice : call.customerVoice);
    const length = await durationMs(wav);
    const startMs = Math.round(turn.overlapMs === undefined ? Math.max(cursor, end) + (turn.gapMs ?? DEFAULT_GAP_MS) : end - turn.overlapMs);
    const previous = placed.filter((p) => p.speaker === turn.speaker).pop();
    const at = previous && previous.endMs > startMs ? previous.endMs + 100 : startMs;
    placed.push({ speaker: turn.speaker, text: turn.text, startMs: at, endMs: at + length, card: turn.card === true, wav });
    end = Math.max(end, at + length);
    cursor = end;
  }
  const total = Math.round(end + TAIL_MS);
  const path = await cached(['call', call, total], async (out) => {
    const channels = [];
    for (const party of ['agent', 'customer'] as const) {
      const channel = `${out}.${party}.wav`;
      // Each utterance delayed to its start, then all mixed: overlaps on one channel cannot happen.
      const inputs = placed.filter((p) => p.speaker === party);
      const pieces: string[] = [];
      for (const [k, p] of inputs.entries()) {
        const piece = `${out}.${party}.${k}.wav`;
        await runCommand('sox', [p.wav, piece, 'pad', `${p.startMs / 1000}`, '0']);
        pieces.push(piece);
      }
      const silence = `${out}.${party}.silence.wav`;
      await runCommand('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', silence, 'trim', '0', `${total / 1000}`]);
      // -v 1 per input: sox -m would otherwise divide every input's volume by their number.
      await runCommand('sox', ['-m', ...[silence, ...pieces].flatMap((p) => ['-v', '1', p]), channel, 'trim', '0', `${total / 1000}`]);
      await Promise.all([silence, ...pieces].map((p) => rm(p, { force: true })));
      channels.push(channel);
    }
    await runCommand('sox', ['-M', ...channels, '-b', '16', out]);
    await Promise.all(channels.map((c) => rm(c, { force: true })));
  });
  return { path, sampleRate: RATE, turns: placed.map(({ wav: _wav, ...t }) => t), durationMs: total };
}

/** The same call as a telephone line carries it: 8 kHz, 300–3400 Hz. */
export async function telephoneBand(audio: CallAudio): Promise<CallAudio> {
  const path = await cached(['telephone', audio.path], (out) =>
    runCommand('sox', [audio.path, '-r', '8000', '-b', '16', out, 'sinc', '300-3400']).then(() => undefined),
  );
  return { ...audio, path, sampleRate: 8000 };
}
