import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { speech, Voice } from '../support/audio-fixtures';

export type Party = 'agent' | 'customer';

/**
 * One step of a call: someone speaks, or nobody does for a while. A turn starts `gapMs` after the
 * previous speech ends (600 ms by default), or `overlapMs` before it ends, to talk over it.
 */
export type Turn = { speaker: Party; text: string; gapMs?: number; overlapMs?: number } | { silenceMs: number };

export interface Conversation {
  agentVoice: Voice;
  customerVoice: Voice;
  turns: readonly Turn[];
}

/** Where a turn ended up in the audio. */
export interface PlacedTurn {
  speaker: Party;
  text: string;
  startMs: number;
  endMs: number;
}

export interface ConversationAudio {
  /** Stereo 16 kHz WAV: agent on the left channel, customer on the right. */
  path: string;
  turns: PlacedTurn[];
  durationMs: number;
}

const RATE = 16_000;
const LEAD_IN_MS = 300;
const TAIL_MS = 500;
const DEFAULT_GAP_MS = 600;
const DIR = join(tmpdir(), 'callgrade-test-audio');

const samples = (wav: string) => Number(execFileSync('soxi', ['-s', wav]).toString().trim());
const msToSamples = (ms: number) => Math.round((ms * RATE) / 1000);

/** Lays the turns out on a timeline; each utterance is synthesised once (flite, cached). */
export function layOut(conversation: Conversation): { turns: (PlacedTurn & { wav: string })[]; durationMs: number } {
  const placed: (PlacedTurn & { wav: string })[] = [];
  let cursor = LEAD_IN_MS;
  let end = LEAD_IN_MS;
  for (const turn of conversation.turns) {
    if ('silenceMs' in turn) {
      cursor = end + turn.silenceMs;
      continue;
    }
    const wav = speech(turn.text, turn.speaker === 'agent' ? conversation.agentVoice : conversation.customerVoice);
    const lengthMs = (samples(wav) * 1000) / RATE;
    const startMs = Math.round(turn.overlapMs === undefined ? Math.max(cursor, end) + (turn.gapMs ?? DEFAULT_GAP_MS) : end - turn.overlapMs);
    const sameSpeaker = placed.filter((p) => p.speaker === turn.speaker).pop();
    if (sameSpeaker && sameSpeaker.endMs > startMs) throw new Error(`"${turn.text}" starts before the same speaker's previous turn ends`);
    placed.push({ speaker: turn.speaker, text: turn.text, startMs, endMs: Math.round(startMs + lengthMs), wav });
    end = Math.max(end, startMs + lengthMs);
    cursor = end;
  }
  return { turns: placed, durationMs: Math.round(end + TAIL_MS) };
}

/** One channel: each of the speaker's utterances padded with silence to its start, then to the full length. */
function buildChannel(turns: readonly (PlacedTurn & { wav: string })[], totalSamples: number, out: string) {
  const pieces: string[] = [];
  let at = 0;
  turns.forEach((turn, i) => {
    const piece = `${out}.${i}.wav`;
    const before = msToSamples(turn.startMs) - at;
    execFileSync('sox', [turn.wav, '-r', String(RATE), '-c', '1', '-b', '16', piece, 'pad', `${before}s`, '0']);
    pieces.push(piece);
    at += before + samples(turn.wav);
  });
  const tail = `${out}.tail.wav`;
  execFileSync('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', tail, 'trim', '0', `${Math.max(1, totalSamples - at)}s`]);
  execFileSync('sox', [...pieces, tail, out]);
  for (const p of [...pieces, tail]) rmSync(p, { force: true });
}

/** Synthesises a two-party call (cached by its content), agent left and customer right, turns alternating or overlapping as scripted. */
export function conversationAudio(conversation: Conversation): ConversationAudio {
  const { turns, durationMs } = layOut(conversation);
  mkdirSync(DIR, { recursive: true });
  const key = createHash('sha1')
    .update(JSON.stringify(['conversation-v1', conversation]))
    .digest('hex')
    .slice(0, 16);
  const path = join(DIR, `conversation-${key}.wav`);
  if (!existsSync(path)) {
    const tmp = `${path}.${process.pid}.tmp`;
    const total = msToSamples(durationMs);
    buildChannel(
      turns.filter((t) => t.speaker === 'agent'),
      total,
      `${tmp}.left.wav`,
    );
    buildChannel(
      turns.filter((t) => t.speaker === 'customer'),
      total,
      `${tmp}.right.wav`,
    );
    execFileSync('sox', ['-M', `${tmp}.left.wav`, `${tmp}.right.wav`, `${tmp}.wav`]);
    rmSync(`${tmp}.left.wav`, { force: true });
    rmSync(`${tmp}.right.wav`, { force: true });
    renameSync(`${tmp}.wav`, path);
  }
  return { path, turns: turns.map(({ wav: _wav, ...t }) => t), durationMs };
}
