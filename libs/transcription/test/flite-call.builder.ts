import { join } from 'node:path';
import { runCommand } from './run-command';

export const AGENT_GREETING = 'Hello, this is Northwind Bank, my name is Priya, how can I help you today?';
export const CUSTOMER_REQUEST = 'Hi, I lost my card yesterday and I need a new one.';
export const CALL_VOCABULARY = ['Northwind Bank', 'Priya'];

export interface FliteCall {
  /** Stereo 16 kHz WAV, agent on the left. */
  stereoPath: string;
  /** Agent channel alone, 16 kHz mono. */
  agentPath: string;
}

/**
 * A short two-party call: the agent (voice slt) greets from 0.5 s, the customer (voice awb)
 * answers after a pause, starting at `customerStartSec`.
 */
export async function aFliteCall(dir: string, customerStartSec = 6.5): Promise<FliteCall> {
  const agentRaw = join(dir, 'agent-raw.wav');
  const customerRaw = join(dir, 'customer-raw.wav');
  await runCommand('flite', ['-voice', 'slt', '-t', AGENT_GREETING, '-o', agentRaw]);
  await runCommand('flite', ['-voice', 'awb', '-t', CUSTOMER_REQUEST, '-o', customerRaw]);

  const agentPath = join(dir, 'agent.wav');
  const customerPath = join(dir, 'customer.wav');
  const agentSec = Number(await runCommand('soxi', ['-D', agentRaw]));
  const customerSec = Number(await runCommand('soxi', ['-D', customerRaw]));
  const totalSec = Math.max(0.5 + agentSec, customerStartSec + customerSec) + 0.5;
  await runCommand('sox', [agentRaw, agentPath, 'pad', '0.5', (totalSec - 0.5 - agentSec).toFixed(3)]);
  await runCommand('sox', [customerRaw, customerPath, 'pad', String(customerStartSec), (totalSec - customerStartSec - customerSec).toFixed(3)]);

  const stereoPath = join(dir, 'call-stereo.wav');
  await runCommand('sox', ['-M', agentPath, customerPath, stereoPath]);
  return { stereoPath, agentPath };
}

/** Re-encodes a recording with ffmpeg, e.g. to 8 kHz A-law telephone audio or MP3. */
export async function transcode(input: string, output: string, codecArgs: string[]): Promise<string> {
  await runCommand('ffmpeg', ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', '-i', input, ...codecArgs, output]);
  return output;
}
