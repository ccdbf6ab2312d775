import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from '../engine/run-tool';
import { TranscriptionError } from '../transcription-error';
import { asUndecodable, localFile, probeAudio } from './probe-audio';
import type { ChannelLayout, Speaker } from '@callgrade/transcript-model';
import { readWavFile } from './wav-file';

export interface PrepareChannelsRequest {
  audioPath: string;
  /** Channel count the recording is declared to have. */
  channels: number;
  layout: ChannelLayout;
  /** Parent of the temporary directory; defaults to the OS temp dir. */
  tmpRoot?: string;
  signal?: AbortSignal;
}

export interface PreparedChannel {
  speaker: Speaker;
  /** 16 kHz mono signed 16-bit WAV. */
  wavPath: string;
}

export interface PreparedAudio {
  dir: string;
  channels: PreparedChannel[];
  /** Sample rate of the input, before resampling. */
  sourceSampleRate: number;
  /** Removes the temporary directory and everything in it. */
  cleanup(): Promise<void>;
}

/** Decodes any format ffmpeg reads (telephone A-law/µ-law WAV, MP3, Ogg, FLAC) into one 16 kHz WAV per speaker. */
export async function prepareChannels(request: PrepareChannelsRequest): Promise<PreparedAudio> {
  const dir = await mkdtemp(join(request.tmpRoot ?? tmpdir(), 'callgrade-audio-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const info = await probeAudio(request.audioPath, request.signal);
    const plan = channelPlan(request, info.channels, dir);
    const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', '-i', localFile(request.audioPath)];
    for (const output of plan) {
      args.push('-map', '0:a:0', '-af', output.filter, '-ar', '16000', '-ac', '1', '-c:a', 'pcm_s16le', output.wavPath);
    }
    await runTool('ffmpeg', args, { toolName: 'ffmpeg', signal: request.signal }).catch((error: unknown) => {
      throw asUndecodable(error, request.audioPath);
    });
    await assertHasSamples(plan[0].wavPath, request.audioPath);
    return { dir, channels: plan.map(({ speaker, wavPath }) => ({ speaker, wavPath })), sourceSampleRate: info.sampleRate, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function channelPlan(request: PrepareChannelsRequest, actualChannels: number, dir: string) {
  if (request.channels !== actualChannels) {
    throw new TranscriptionError(
      'channel_mismatch',
      `recording was declared with ${request.channels} channel(s) but ${request.audioPath} has ${actualChannels}`,
    );
  }
  if (request.layout === 'mono') {
    // Every channel is mixed down: the speakers are not separated in this recording.
    return [{ speaker: 'unknown' as Speaker, wavPath: join(dir, 'mixed.wav'), filter: 'anull' }];
  }
  if (actualChannels !== 2) {
    throw new TranscriptionError(
      'channel_mismatch',
      `layout ${request.layout} needs a stereo recording, ${request.audioPath} has ${actualChannels} channel(s)`,
    );
  }
  const agentChannel = request.layout === 'agent-left' ? 0 : 1;
  return (['agent', 'customer'] as const).map((speaker) => {
    const channel = speaker === 'agent' ? agentChannel : 1 - agentChannel;
    return { speaker, wavPath: join(dir, `${speaker}.wav`), filter: `pan=mono|c0=c${channel}` };
  });
}

async function assertHasSamples(wavPath: string, source: string): Promise<void> {
  const { samples } = await readWavFile(wavPath);
  if (samples.length === 0) {
    throw new TranscriptionError('undecodable_audio', `audio file ${source} decoded to no samples`);
  }
}
