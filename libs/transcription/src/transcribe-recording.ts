import { measureTalkFactsOfFiles } from './audio/measure-recording';
import { prepareChannels } from './audio/prepare-channels';
import type { ChannelLayout, TalkFacts } from '@callgrade/transcript-model';
import { mergeSpeakers } from './segments/merge-speakers';
import { DEFAULT_MAX_GAP_MS, RecognisedSegment, wordsToSegments } from './segments/words-to-segments';
import type { Transcriber } from './transcriber';

export interface TranscribeRecordingRequest {
  audioPath: string;
  channels: number;
  channelLayout: ChannelLayout;
  transcriber: Transcriber;
  /** Company and agent names. */
  vocabulary?: string[];
  language?: string;
  tmpRoot?: string;
  signal?: AbortSignal;
  /** Per channel passed to the engine. */
  timeoutMs?: number;
  maxGapMs?: number;
}

export interface RecordingTranscript {
  segments: RecognisedSegment[];
  facts: TalkFacts;
  engine: string;
}

/** Decodes a recording, splits it by speaker, recognises each channel and measures who talked when. */
export async function transcribeRecording(request: TranscribeRecordingRequest): Promise<RecordingTranscript> {
  const audio = await prepareChannels({
    audioPath: request.audioPath,
    channels: request.channels,
    layout: request.channelLayout,
    tmpRoot: request.tmpRoot,
    signal: request.signal,
  });
  try {
    const facts = await measureTalkFactsOfFiles(audio.channels);
    const perChannel: RecognisedSegment[][] = [];
    for (const channel of audio.channels) {
      // A channel without speech is not sent to the engine: nothing to find, and whisper invents text in silence.
      if (!facts.talkMs[channel.speaker]) continue;
      const words = await request.transcriber.transcribe(
        { wavPath: channel.wavPath, language: request.language, vocabulary: request.vocabulary, sourceSampleRate: audio.sourceSampleRate },
        { signal: request.signal, timeoutMs: request.timeoutMs },
      );
      perChannel.push(wordsToSegments(words, channel.speaker, { maxGapMs: request.maxGapMs ?? DEFAULT_MAX_GAP_MS }));
    }
    return { segments: mergeSpeakers(...perChannel), facts, engine: request.transcriber.engineName };
  } finally {
    await audio.cleanup();
  }
}
