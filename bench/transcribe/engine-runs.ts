import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_POCKETSPHINX_MODEL_DIR,
  measureTalkFactsOfFiles,
  parsePocketsphinxOutput,
  prepareChannels,
  transcribeRecording,
  Transcriber,
} from '@callgrade/transcription';
import { GeneratedCall } from './generate-calls';
import { addUsage, NO_USAGE, startClock, Usage } from './process-clock';
import { runCommand } from './run-command';

/** What a run recognised, checked after it was timed. */
export interface Recognised {
  /** Words per channel: left (agent), right (customer). */
  words: [number, number];
  /** Lower-cased recognised text, both channels. */
  text: string;
}

export interface BareEngineRun {
  outputs: string[];
  /** The two sox splits, and the two pocketsphinx runs, each summed over both channels. */
  split: Usage;
  engine: Usage;
}

/**
 * What the engine alone must do with a stereo call: split each channel to 16 kHz mono with sox and
 * run pocketsphinx_continuous on it, channel after channel. Intermediate files go to `workDir`.
 */
export async function runBareEngine(call: GeneratedCall, workDir: string, signal?: AbortSignal): Promise<BareEngineRun> {
  const run: BareEngineRun = { outputs: [], split: NO_USAGE, engine: NO_USAGE };
  for (const channel of [1, 2]) {
    const wav = join(workDir, `bare-channel-${channel}.wav`);
    const splitClock = startClock();
    await runCommand('sox', [call.path, '-r', '16000', wav, 'remix', String(channel)], signal);
    run.split = addUsage(run.split, splitClock());
    const engineClock = startClock();
    run.outputs.push(
      await runCommand(
        'pocketsphinx_continuous',
        [
          '-infile',
          wav,
          '-hmm',
          join(DEFAULT_POCKETSPHINX_MODEL_DIR, 'en-us'),
          '-lm',
          join(DEFAULT_POCKETSPHINX_MODEL_DIR, 'en-us.lm.bin'),
          '-dict',
          join(DEFAULT_POCKETSPHINX_MODEL_DIR, 'cmudict-en-us.dict'),
          '-time',
          'yes',
        ],
        signal,
      ),
    );
    run.engine = addUsage(run.engine, engineClock());
    await rm(wav, { force: true });
  }
  return run;
}

export function recognisedByBareEngine(call: GeneratedCall, outputs: string[]): Recognised {
  const channels = outputs.map((stdout) => parsePocketsphinxOutput(stdout));
  if (channels.length !== 2 || channels.some((words) => words.length === 0)) {
    throw new Error(`bare engine: pocketsphinx recognised no words on a channel of call ${call.path} (${channels.map((w) => w.length).join(' and ')} words)`);
  }
  return {
    words: [channels[0].length, channels[1].length],
    text: channels
      .flat()
      .map((w) => w.text.toLowerCase())
      .join(' '),
  };
}

export interface PipelineSettings {
  transcriber: Transcriber;
  vocabulary: string[];
  /** Parent of the pipeline's temporary channel files. */
  tmpRoot: string;
  signal?: AbortSignal;
}

export type PipelineTranscript = Awaited<ReturnType<typeof transcribeRecording>>;

/** The platform's whole transcription of a recording: decode, split by speaker, measure talk, recognise, segment, merge. */
export function runPipeline(call: GeneratedCall, settings: PipelineSettings): Promise<PipelineTranscript> {
  return transcribeRecording({
    audioPath: call.path,
    channels: 2,
    channelLayout: 'agent-left',
    transcriber: settings.transcriber,
    vocabulary: settings.vocabulary.length ? settings.vocabulary : undefined,
    tmpRoot: settings.tmpRoot,
    signal: settings.signal,
  });
}

/** Throws unless the pipeline found both speakers and measured the call's length; a broken pipeline measures nothing. */
export function recognisedByPipeline(call: GeneratedCall, transcript: PipelineTranscript, label: string): Recognised {
  const words = (speaker: 'agent' | 'customer') => transcript.segments.filter((s) => s.speaker === speaker).reduce((n, s) => n + s.words.length, 0);
  const counts: [number, number] = [words('agent'), words('customer')];
  const expectedMs = Math.round(call.durationSeconds * 1000);
  const problems = [
    counts[0] === 0 && 'no agent words',
    counts[1] === 0 && 'no customer words',
    !transcript.facts.talkMs.agent && 'no agent talk time',
    !transcript.facts.talkMs.customer && 'no customer talk time',
    Math.abs(transcript.facts.durationMs - expectedMs) > 100 && `duration ${transcript.facts.durationMs} ms, expected ${expectedMs} ms`,
    transcript.engine !== 'pocketsphinx' && `engine ${transcript.engine}`,
  ].filter(Boolean);
  if (problems.length) throw new Error(`${label}: wrong transcript of ${call.path}: ${problems.join(', ')}`);
  return { words: counts, text: transcript.segments.map((s) => s.text.toLowerCase()).join(' ') };
}

export interface PipelineStages {
  /** prepareChannels: ffprobe, and ffmpeg splitting the channels to 16 kHz mono. */
  prepare: Usage;
  /** measureTalkFactsOfFiles: reading the channels and voice activity, in JavaScript. */
  talkFacts: Usage;
}

/**
 * The pipeline's work besides recognition, each step timed alone (the same calls transcribeRecording
 * makes before it hands the channels to the engine). Steady, unlike the engine's own time.
 */
export async function probePipelineStages(call: GeneratedCall, tmpRoot: string, signal?: AbortSignal): Promise<PipelineStages> {
  const prepareClock = startClock();
  const audio = await prepareChannels({ audioPath: call.path, channels: 2, layout: 'agent-left', tmpRoot, signal });
  const prepare = prepareClock();
  try {
    const factsClock = startClock();
    await measureTalkFactsOfFiles(audio.channels);
    return { prepare, talkFacts: factsClock() };
  } finally {
    await audio.cleanup();
  }
}
