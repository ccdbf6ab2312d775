import { runTool } from '../engine/run-tool';
import { TranscriptionError } from '../transcription-error';

export interface AudioStreamInfo {
  channels: number;
  sampleRate: number;
  codec: string;
}

/** The first audio stream of a file, or undecodable_audio when there is none or ffprobe cannot read it. */
export async function probeAudio(path: string, signal?: AbortSignal): Promise<AudioStreamInfo> {
  const args = ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=codec_name,channels,sample_rate', '-of', 'json', '-i', localFile(path)];
  const { stdout } = await runTool('ffprobe', args, { toolName: 'ffprobe', signal }).catch((error: unknown) => {
    throw asUndecodable(error, path);
  });
  const stream = (JSON.parse(stdout) as { streams?: Array<{ codec_name?: string; channels?: number; sample_rate?: string }> }).streams?.[0];
  if (!stream?.channels) {
    throw new TranscriptionError('undecodable_audio', `no audio stream found in ${path}`);
  }
  return { channels: stream.channels, sampleRate: Number(stream.sample_rate), codec: stream.codec_name ?? 'unknown' };
}

/** The file: prefix stops ffmpeg reading a path like "http://..." or "concat:..." as a protocol. */
export function localFile(path: string): string {
  return `file:${path}`;
}

/** A decoder failing on the input means the file, not the engine, is at fault. */
export function asUndecodable(error: unknown, path: string): unknown {
  if (error instanceof TranscriptionError && error.code === 'engine_failed') {
    return new TranscriptionError('undecodable_audio', `audio file ${path} could not be decoded: ${error.message}`, { cause: error });
  }
  return error;
}
