import type { Speaker } from './speaker';
import { DEFAULT_VOICE_ACTIVITY, detectVoiceActivity, type VoiceActivityOptions } from './voice-activity';

export interface ChannelPcm {
  speaker: Speaker;
  samples: Int16Array;
  sampleRate: number;
}

export interface TalkFacts {
  durationMs: number;
  talkMs: Partial<Record<Speaker, number>>;
  /** Longest stretch with nobody talking between the first and the last speech; null without such a gap. */
  longestSilence: { startMs: number; durationMs: number } | null;
  /** Time during which two or more channels talk at once. */
  overlapMs: number;
}

export function measureTalkFacts(channels: readonly ChannelPcm[], options: VoiceActivityOptions = DEFAULT_VOICE_ACTIVITY): TalkFacts {
  const frameMs = options.frameMs;
  const activity = channels.map((channel) => detectVoiceActivity(channel.samples, channel.sampleRate, options));
  const frameCount = Math.max(0, ...activity.map((frames) => frames.length));
  const talkers = Array.from({ length: frameCount }, (_, frame) => activity.filter((frames) => frames[frame]).length);

  const talkMs: Partial<Record<Speaker, number>> = {};
  channels.forEach((channel, i) => {
    talkMs[channel.speaker] = (talkMs[channel.speaker] ?? 0) + activity[i].filter(Boolean).length * frameMs;
  });

  return {
    durationMs: Math.max(0, ...channels.map((channel) => Math.round((channel.samples.length * 1000) / channel.sampleRate))),
    talkMs,
    longestSilence: longestInnerSilence(talkers, frameMs),
    overlapMs: talkers.filter((count) => count >= 2).length * frameMs,
  };
}

function longestInnerSilence(talkers: readonly number[], frameMs: number): TalkFacts['longestSilence'] {
  const first = talkers.findIndex((count) => count > 0);
  if (first < 0) return null;
  const last = talkers.length - 1 - [...talkers].reverse().findIndex((count) => count > 0);
  let best: TalkFacts['longestSilence'] = null;
  let runStart = -1;
  for (let frame = first; frame <= last; frame++) {
    if (talkers[frame] === 0) {
      if (runStart < 0) runStart = frame;
      continue;
    }
    if (runStart >= 0 && (!best || (frame - runStart) * frameMs > best.durationMs)) {
      best = { startMs: runStart * frameMs, durationMs: (frame - runStart) * frameMs };
    }
    runStart = -1;
  }
  return best;
}
