import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { selectTranscriber } from '@callgrade/transcription';
import { defineBenchmark, optionFlag } from '../support/benchmark';
import { log, Progress } from '../support/progress';
import { CALL_SCRIPTS, VOCABULARY } from './call-scripts';
import { PipelineSettings, probePipelineStages, recognisedByBareEngine, Recognised, recognisedByPipeline, runBareEngine, runPipeline } from './engine-runs';
import { GeneratedCall, generateCalls } from './generate-calls';
import { addUsage, NO_USAGE, startClock, Usage } from './process-clock';
import { Breakdown, CallResult, checkTargets, renderTranscribeReport, ThroughputResult, VariantKey, VariantResult } from './transcribe-report';

type TranscribeOptions = {
  calls: number;
  rounds: number;
  sampleRate: number;
  jobsAtOnce: string;
  skipWarmup: boolean;
};

const VARIANTS: readonly VariantKey[] = ['bare', 'pipeline', 'pipelineWithoutVocabulary'];

function checkOptions(options: TranscribeOptions): number[] {
  for (const name of ['calls', 'rounds'] as const) {
    if (!Number.isInteger(options[name]) || options[name] < 1) throw new Error(`--${name} must be a whole number of at least 1, not ${options[name]}`);
  }
  if (![8000, 16000, 22050, 44100, 48000].includes(options.sampleRate))
    throw new Error(`--sample-rate must be 8000, 16000, 22050, 44100 or 48000, not ${options.sampleRate}`);
  const levels = options.jobsAtOnce.split(',').map((c) => Number(c.trim()));
  if (levels.length === 0 || !levels.every((c) => Number.isInteger(c) && c >= 1))
    throw new Error(`--${optionFlag('jobsAtOnce')} takes whole numbers like 1,2; not "${options.jobsAtOnce}"`);
  return levels;
}

/** How often the agent says a vocabulary word in the calls, and how often a transcript has it. */
const NAME_PATTERN = new RegExp(`\\b(${VOCABULARY.join('|')})\\b`, 'gi');
const namesIn = (text: string) => text.match(NAME_PATTERN)?.length ?? 0;
const namesSaid = (call: GeneratedCall) =>
  CALL_SCRIPTS.find((s) => s.title === call.title)
    ?.turns.filter((t) => t.speaker === 'agent')
    .reduce((n, t) => n + namesIn(t.text), 0) ?? 0;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export const transcribeBench = defineBenchmark<TranscribeOptions>({
  name: 'transcribe',
  summary: 'transcription real-time factor: the whole pipeline vs the bare pocketsphinx command, and throughput',
  options: {
    calls: {
      default: 4,
      description: 'how many stereo calls to speak with flite (about 50-60 s each; four scripts, then again with the other customer voice)',
    },
    rounds: {
      default: 2,
      description: "times each call goes through each run for the real-time factor (pocketsphinx's own time varies by a third from run to run here)",
    },
    sampleRate: { default: 8000, description: 'sample rate of the generated recordings (8000: telephone audio, as contact centres record)' },
    jobsAtOnce: { default: '1,2', description: 'throughput runs: how many pipeline jobs at once, comma-separated' },
    skipWarmup: { default: false, description: 'measure from the first run (by default each variant runs once on the first call first, not counted)' },
  },

  async run({ options, cleanup, outDir }) {
    const concurrencyLevels = checkOptions(options);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const startedAt = new Date().toISOString();
    const loadBefore = loadavg();

    const work = mkdtempSync(join(tmpdir(), 'callgrade-bench-transcribe-'));
    cleanup.add(`remove ${work}`, () => rm(work, { recursive: true, force: true }));
    // Registered after the directory, so it runs first: no sox or pocketsphinx keeps writing into it.
    const abort = new AbortController();
    cleanup.add('stop running sox, ffmpeg and pocketsphinx', () => abort.abort());
    const dirs = { audio: join(work, 'audio'), bare: join(work, 'bare'), pipeline: join(work, 'pipeline'), cache: join(work, 'pocketsphinx-cache') };
    Object.values(dirs).forEach((dir) => mkdirSync(dir));
    log(`working in ${work}`);

    const calls = await generateCalls(dirs.audio, options.calls, options.sampleRate, abort.signal);
    const audioSeconds = calls.reduce((sum, c) => sum + c.durationSeconds, 0);
    log(`${calls.length} calls, ${audioSeconds.toFixed(1)} s of audio (${calls.map((c) => c.durationSeconds.toFixed(1)).join(', ')} s)`);

    // One transcriber, as one worker process has: its dictionary and language-model caches live across jobs.
    const transcriber = selectTranscriber({ engine: 'pocketsphinx', cacheDir: dirs.cache });
    const pipelineWith = (vocabulary: string[]): PipelineSettings => ({ transcriber, vocabulary, tmpRoot: dirs.pipeline, signal: abort.signal });
    const breakdown: Breakdown = { bareSplit: NO_USAGE, bareEngine: NO_USAGE, pipelinePrepare: NO_USAGE, pipelineTalkFacts: NO_USAGE };
    const runVariant = async (key: VariantKey, call: GeneratedCall, measured: boolean): Promise<{ usage: Usage; recognised: Recognised }> => {
      const clock = startClock();
      switch (key) {
        case 'bare': {
          const run = await runBareEngine(call, dirs.bare, abort.signal);
          const usage = clock();
          if (measured) {
            breakdown.bareSplit = addUsage(breakdown.bareSplit, run.split);
            breakdown.bareEngine = addUsage(breakdown.bareEngine, run.engine);
          }
          return { usage, recognised: recognisedByBareEngine(call, run.outputs) };
        }
        case 'pipeline':
        case 'pipelineWithoutVocabulary': {
          const transcript = await runPipeline(call, pipelineWith(key === 'pipeline' ? VOCABULARY : []));
          const usage = clock();
          return { usage, recognised: recognisedByPipeline(call, transcript, key) };
        }
      }
    };

    if (!options.skipWarmup) {
      // Reads the models into the page cache, and lets the pipeline load its dictionary and write the extended one.
      const progress = new Progress('warm-up on the first call', VARIANTS.length);
      for (const key of VARIANTS) {
        await runVariant(key, calls[0], false);
        progress.tick();
      }
    }

    const totals = new Map<VariantKey, VariantResult>(
      VARIANTS.map((key) => [
        key,
        { key, jobs: 0, audioSeconds: 0, usage: NO_USAGE, words: [0, 0], namesHeard: 0, namesSaid: 0, pairedCpuOverheadPercent: [] },
      ]),
    );
    const perCall: CallResult[] = [];
    const progress = new Progress('real-time factor: each call through each run', options.rounds * calls.length * VARIANTS.length);
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const [index, call] of calls.entries()) {
        // Rotated from job to job, so a change in the machine's load does not fall on one run alone.
        const order = VARIANTS.map((_, i) => VARIANTS[(i + index + round - 1) % VARIANTS.length]);
        const usage = {} as Record<VariantKey, Usage>;
        const stages = await probePipelineStages(call, dirs.pipeline, abort.signal);
        breakdown.pipelinePrepare = addUsage(breakdown.pipelinePrepare, stages.prepare);
        breakdown.pipelineTalkFacts = addUsage(breakdown.pipelineTalkFacts, stages.talkFacts);
        for (const key of order) {
          const result = await runVariant(key, call, true);
          usage[key] = result.usage;
          const total = totals.get(key) as VariantResult;
          total.jobs += 1;
          total.audioSeconds += call.durationSeconds;
          total.usage = addUsage(total.usage, result.usage);
          total.words = [total.words[0] + result.recognised.words[0], total.words[1] + result.recognised.words[1]];
          total.namesHeard += namesIn(result.recognised.text);
          total.namesSaid += namesSaid(call);
          progress.tick();
        }
        for (const key of VARIANTS) {
          if (key !== 'bare') totals.get(key)?.pairedCpuOverheadPercent.push((100 * usage[key].cpuSeconds) / usage.bare.cpuSeconds - 100);
        }
        perCall.push({ round, title: call.title, customerVoice: call.customerVoice, durationSeconds: call.durationSeconds, order, usage });
      }
    }
    const variants = VARIANTS.map((key) => totals.get(key) as VariantResult);

    const throughput: ThroughputResult[] = [];
    for (const concurrency of concurrencyLevels) {
      const progress = new Progress(`throughput: pipeline, ${concurrency} job(s) at once`, calls.length);
      const latencies: number[] = [];
      const clock = startClock();
      let next = 0;
      const worker = async () => {
        while (next < calls.length) {
          const call = calls[next++];
          const started = performance.now();
          recognisedByPipeline(call, await runPipeline(call, pipelineWith(VOCABULARY)), `throughput, ${concurrency} at once`);
          latencies.push((performance.now() - started) / 1000);
          progress.tick();
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, calls.length) }, worker));
      const usage = clock();
      latencies.sort((a, b) => a - b);
      throughput.push({
        concurrency,
        jobs: calls.length,
        audioSeconds,
        usage,
        jobLatencySeconds: { p50: percentile(latencies, 50), max: latencies[latencies.length - 1] ?? NaN },
      });
      log(`throughput, ${concurrency} at once: ${(audioSeconds / usage.wallSeconds).toFixed(2)} audio s per wall s`);
    }

    const checks = checkTargets(variants);
    const cpu = cpus();
    const loadAfter = loadavg();
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    const machine = `Machine: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, load average (1/5/15 min) ${load(loadBefore)} at start / ${load(loadAfter)} at end; Node ${process.version}`;
    const title = `Transcription: ${calls.length} stereo ${options.sampleRate / 1000} kHz calls spoken by flite (agent slt left, customer awb/rms right), ${audioSeconds.toFixed(1)} s of audio`;
    const notes = [
      "RTF = processing seconds / seconds of call (a stereo second counts once). CPU s = this process (process.cpuUsage: the pipeline's JavaScript, reads, spawning) + its children (cutime+cstime from /proc/self/stat: sox, ffprobe, ffmpeg, pocketsphinx; 10 ms resolution).",
      'bare engine: per channel, `sox call.wav -r 16000 ch.wav remix N` then `pocketsphinx_continuous -infile ch.wav -hmm .../en-us -lm .../en-us.lm.bin -dict .../cmudict-en-us.dict -time yes`, channels one after the other.',
      "pipeline: transcribeRecording() with selectTranscriber({ engine: 'pocketsphinx' }), agent-left: ffprobe, ffmpeg split to 16 kHz, voice activity (talk facts), per channel with speech pocketsphinx (+ the high-band fill of narrowband audio, + a keyword-spotting pass when a vocabulary word is missing from the language model), segments, merge.",
      `names heard: how often ${VOCABULARY.join(' or ')} came out of a run, of how often the agent said them; the bare engine cannot write either (not in its dictionary).`,
      `${options.rounds} round(s): each call ran through the three variants in a rotating order, one job at a time${!options.skipWarmup ? ', after one unmeasured run of each on the first call' : ''}. The target is judged on the CPU totals because the machine is shared; wall time is beside it. On a busy machine CPU time varies too (the same pocketsphinx command on the same file took 5.7-9.8 s of CPU here), hence the per-call median and range.`,
      "Throughput: the pipeline with vocabulary over the same calls, N jobs at once in this process (as the worker's concurrency setting does); CPU busy = CPU s / wall s.",
    ];
    const report = renderTranscribeReport({ title, machine, variants, calls: perCall, breakdown, throughput, checks, notes });

    const outFile = join(outDir, `transcribe-${stamp}.json`);
    const json = {
      benchmark: 'transcribe',
      startedAt,
      finishedAt: new Date().toISOString(),
      machine,
      options,
      calls: calls.map(({ title: t, customerVoice, durationSeconds }) => ({ title: t, customerVoice, durationSeconds })),
      variants,
      perCall,
      breakdown,
      throughput,
      targets: checks,
    };
    writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
    return { report, outFile, targetsMet: checks.every((c) => c.met) };
  },
});
