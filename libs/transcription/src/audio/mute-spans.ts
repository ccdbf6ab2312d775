import { runTool } from '../engine/run-tool';

export interface MuteSpan {
  startMs: number;
  endMs: number;
}

/**
 * Writes a copy of the recording with the given spans silenced (all channels), as 16-bit PCM WAV at
 * the original rate and channel count, so reviewers never hear redacted card numbers.
 */
export async function muteSpans(inputPath: string, outputPath: string, spans: readonly MuteSpan[], options: { signal?: AbortSignal } = {}): Promise<void> {
  const between = spans.map((s) => `between(t,${(s.startMs / 1000).toFixed(3)},${(s.endMs / 1000).toFixed(3)})`).join('+');
  const filter = spans.length ? ['-af', `volume=enable='${between}':volume=0`] : [];
  await runTool('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-i', inputPath, ...filter, '-c:a', 'pcm_s16le', '-f', 'wav', outputPath], {
    toolName: 'ffmpeg',
    signal: options.signal,
  });
}
