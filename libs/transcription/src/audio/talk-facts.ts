import { type Speaker, type SpeechInterval, talkFacts, type TalkFacts } from '@callgrade/transcript-model';
import { DEFAULT_VOICE_ACTIVITY, detectVoiceActivity, type VoiceActivityOptions } from './voice-activity';

export interface ChannelPcm {
  speaker: Speaker;
  samples: Int16Array;
  sampleRate: number;
}

/** Talk facts of a recording from the voice activity of its channels, counted as a supplied transcript's are. */
export function measureTalkFacts(channels: readonly ChannelPcm[], options: VoiceActivityOptions = DEFAULT_VOICE_ACTIVITY): TalkFacts {
  const durationMs = Math.max(0, ...channels.map((channel) => Math.round((channel.samples.length * 1000) / channel.sampleRate)));
  return talkFacts(speechOfChannels(channels, options), durationMs);
}

/** When each channel's speaker was speaking: the runs of frames with voice activity. */
export function speechOfChannels(channels: readonly ChannelPcm[], options: VoiceActivityOptions = DEFAULT_VOICE_ACTIVITY): SpeechInterval[] {
  return channels.flatMap((channel) => {
    const frames = detectVoiceActivity(channel.samples, channel.sampleRate, options);
    const speech: SpeechInterval[] = [];
    let runStart = -1;
    for (let frame = 0; frame <= frames.length; frame++) {
      if (frame < frames.length && frames[frame]) {
        if (runStart < 0) runStart = frame;
      } else if (runStart >= 0) {
        speech.push({ speaker: channel.speaker, startMs: runStart * options.frameMs, endMs: frame * options.frameMs });
        runStart = -1;
      }
    }
    return speech;
  });
}
