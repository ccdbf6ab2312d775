export type { RecognizedWord, TranscribeInput, TranscribeOptions, Transcriber } from './transcriber';
export { TranscriptionError, type TranscriptionErrorCode } from './transcription-error';

export {
  PocketsphinxTranscriber,
  DEFAULT_POCKETSPHINX_MODEL_DIR,
  DEFAULT_PRONOUNCING_DICTIONARY,
  type PocketsphinxConfig,
} from './pocketsphinx/pocketsphinx.transcriber';
export { parsePocketsphinxOutput } from './pocketsphinx/pocketsphinx-output.parser';
export { loadWordPronouncer } from './pocketsphinx/pronouncing-dictionary';

export { WhisperTranscriber, type WhisperConfig } from './whisper/whisper.transcriber';
export { buildWhisperArgs, type WhisperArgsConfig } from './whisper/whisper-args';
export { parseWhisperOutput } from './whisper/whisper-output.parser';
export { parseWhisperJson } from './whisper/whisper-json.parser';
export { whisperSegmentsToWords, type WhisperSegment } from './whisper/whisper-segment';

export { selectTranscriber, type TranscriberSelection } from './select-transcriber';

export { prepareChannels, type PrepareChannelsRequest, type PreparedAudio, type PreparedChannel } from './audio/prepare-channels';
export { measureTalkFacts, speechOfChannels, type ChannelPcm } from './audio/talk-facts';
export { measureTalkFactsOfFiles } from './audio/measure-recording';
export { DEFAULT_VOICE_ACTIVITY, type VoiceActivityOptions } from './audio/voice-activity';
export { readWavFile, type Pcm16 } from './audio/wav-file';

export { wordsToSegments, DEFAULT_MAX_GAP_MS, type RecognisedSegment, type SegmentOptions } from './segments/words-to-segments';
export { mergeSpeakers } from './segments/merge-speakers';

export { transcribeRecording, type RecordingTranscript, type TranscribeRecordingRequest } from './transcribe-recording';
export { muteSpans, type MuteSpan } from './audio/mute-spans';
