export type { AudioContainer, AudioFacts } from './audio-facts';
export type { AudioProbeErrorCode } from './audio-probe.error';
export { AudioProbeError } from './audio-probe.error';
export { probeAudioFile } from './probe-audio-file';
export { StreamingAudioProbe } from './streaming-audio-probe';
