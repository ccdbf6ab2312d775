import type { PreparedChannel } from './prepare-channels';
import type { TalkFacts } from '@callgrade/transcript-model';
import { measureTalkFacts } from './talk-facts';
import type { VoiceActivityOptions } from './voice-activity';
import { readWavFile } from './wav-file';

/** Talk facts of prepared channel files. */
export async function measureTalkFactsOfFiles(channels: readonly PreparedChannel[], options?: VoiceActivityOptions): Promise<TalkFacts> {
  const pcm = await Promise.all(channels.map(async (channel) => ({ speaker: channel.speaker, ...(await readWavFile(channel.wavPath)) })));
  return measureTalkFacts(pcm, options);
}
