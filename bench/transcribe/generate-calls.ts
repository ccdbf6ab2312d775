import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Progress } from '../support/progress';
import { AGENT_VOICE, CALL_SCRIPTS, CUSTOMER_VOICES } from './call-scripts';
import { runCommand } from './run-command';

export interface GeneratedCall {
  path: string;
  title: string;
  customerVoice: string;
  durationSeconds: number;
}

/** Silence before the first word and after the last, as a recording has. */
const LEAD_SECONDS = 1;

/**
 * Speaks call scripts with flite into stereo WAVs: the agent (slt) on the left, the customer (awb or
 * rms) on the right, one after the other with the script's pauses, resampled with sox to
 * `sampleRate`. Beyond the number of scripts, they come again with the other customer voice.
 */
export async function generateCalls(directory: string, count: number, sampleRate: number, signal?: AbortSignal): Promise<GeneratedCall[]> {
  const progress = new Progress('speaking calls with flite', count);
  const calls: GeneratedCall[] = [];
  for (let index = 0; index < count; index += 1) {
    const script = CALL_SCRIPTS[index % CALL_SCRIPTS.length];
    const customerVoice = CUSTOMER_VOICES[(index + Math.floor(index / CALL_SCRIPTS.length)) % CUSTOMER_VOICES.length];
    const pieces: string[] = [];
    for (const [turnIndex, turn] of script.turns.entries()) {
      const spoken = join(directory, `call-${index}-turn-${turnIndex}.wav`);
      const placed = join(directory, `call-${index}-turn-${turnIndex}-stereo.wav`);
      await runCommand('flite', ['-voice', turn.speaker === 'agent' ? AGENT_VOICE : customerVoice, '-t', turn.text, '-o', spoken], signal);
      // remix "1 0": the voice on the left and silence on the right; "0 1" the other way round.
      await runCommand('sox', [spoken, placed, 'remix', ...(turn.speaker === 'agent' ? ['1', '0'] : ['0', '1']), 'pad', '0', String(turn.pauseAfter)], signal);
      pieces.push(spoken, placed);
    }
    const path = join(directory, `call-${index}.wav`);
    const stereoPieces = pieces.filter((_, i) => i % 2 === 1);
    await runCommand('sox', [...stereoPieces, '-r', String(sampleRate), '-b', '16', path, 'pad', String(LEAD_SECONDS), String(LEAD_SECONDS)], signal);
    await Promise.all(pieces.map((piece) => rm(piece, { force: true })));
    const durationSeconds = Number((await runCommand('soxi', ['-D', path], signal)).trim());
    if (!(durationSeconds > 0)) throw new Error(`soxi found no audio in ${path}`);
    calls.push({ path, title: script.title, customerVoice, durationSeconds });
    progress.tick();
  }
  return calls;
}
