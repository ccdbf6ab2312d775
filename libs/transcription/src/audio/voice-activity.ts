export interface VoiceActivityOptions {
  frameMs: number;
  /** A frame is speech when its energy is this far above the channel's noise floor... */
  marginDb: number;
  /** ...and above this absolute level, so a channel of faint hiss is not all speech. */
  minThresholdDb: number;
  /** Pauses shorter than this inside speech count as speech (between words, plosives). */
  hangoverMs: number;
  /** Bursts shorter than this are clicks, not speech. */
  minSpeechMs: number;
}

export const DEFAULT_VOICE_ACTIVITY: VoiceActivityOptions = {
  frameMs: 20,
  marginDb: 12,
  minThresholdDb: -50,
  hangoverMs: 300,
  minSpeechMs: 60,
};

const SILENCE_DB = -100;
const NOISE_FLOOR_PERCENTILE = 0.1;

/** Speech or not, per frame of `frameMs`, from frame energy against the channel's own noise floor. */
export function detectVoiceActivity(samples: Int16Array, sampleRate: number, options: VoiceActivityOptions = DEFAULT_VOICE_ACTIVITY): boolean[] {
  const frameLength = Math.round((sampleRate * options.frameMs) / 1000);
  const levels = frameLevelsDb(samples, frameLength);
  if (levels.length === 0) return [];
  const floor = [...levels].sort((a, b) => a - b)[Math.floor(levels.length * NOISE_FLOOR_PERCENTILE)];
  const threshold = Math.max(floor + options.marginDb, options.minThresholdDb);
  const active = levels.map((level) => level > threshold);
  fillShortRuns(active, false, Math.round(options.hangoverMs / options.frameMs), true);
  fillShortRuns(active, true, Math.ceil(options.minSpeechMs / options.frameMs) - 1, false);
  return active;
}

function frameLevelsDb(samples: Int16Array, frameLength: number): number[] {
  const levels: number[] = [];
  for (let start = 0; start < samples.length; start += frameLength) {
    const end = Math.min(samples.length, start + frameLength);
    let energy = 0;
    for (let i = start; i < end; i++) energy += samples[i] * samples[i];
    const rms = Math.sqrt(energy / (end - start)) / 32768;
    levels.push(rms > 0 ? Math.max(SILENCE_DB, 20 * Math.log10(rms)) : SILENCE_DB);
  }
  return levels;
}

/**
 * Flips runs of `value` no longer than maxFrames. For gaps (value false) only runs between speech
 * are filled, never the start or end of the recording.
 */
function fillShortRuns(frames: boolean[], value: boolean, maxFrames: number, innerOnly: boolean): void {
  if (maxFrames <= 0) return;
  let i = 0;
  while (i < frames.length) {
    if (frames[i] !== value) {
      i++;
      continue;
    }
    let end = i;
    while (end < frames.length && frames[end] === value) end++;
    const inner = i > 0 && end < frames.length;
    if (end - i <= maxFrames && (inner || !innerOnly)) frames.fill(!value, i, end);
    i = end;
  }
}
