import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { defineBenchmark, optionFlag } from '../support/benchmark';
import { renderProfileSummary, summariseCpuProfile } from '../support/cpu-profile-summary';
import { log } from '../support/progress';
import { checkTargets, renderIngestReport } from './ingest-report';
import { assertAllAccepted, Measurement, measureWorkload } from './measure-workload';
import { startBaseline } from './start-baseline';
import { startPlatform } from './start-platform';
import { UploadTarget } from './upload-target';
import { wavDataBytes, wavDurationSeconds, wavFileBytes } from './wav-generator';
import { generateWavs, uploadsOf, Workload } from './workloads';

const MIB = 1024 * 1024;

type IngestOptions = {
  uploads: number;
  concurrency: number;
  seconds: number;
  sampleRate: number;
  bigFileMb: number;
  bigSampleRate: number;
  warmup: number;
  workloads: string;
  databaseUrl: string;
  redisUrl: string;
  transcriptionWorker: boolean;
  cpuProf: boolean;
};

const describeWav = (seconds: number, rate: number, sizeBytes: number) =>
  `${seconds.toFixed(0)} s stereo ${rate / 1000} kHz 16-bit WAV (${(sizeBytes / MIB).toFixed(2)} MB)`;

/** The workloads to run; throws on options that would measure nothing. */
function checkOptions(options: IngestOptions): Set<'a' | 'b'> {
  const selected = new Set(options.workloads.split(',').map((w) => w.trim()));
  if (selected.size === 0 || ![...selected].every((w) => w === 'a' || w === 'b')) throw new Error(`--workloads takes a, b or a,b; not "${options.workloads}"`);
  const positive = {
    uploads: options.uploads,
    concurrency: options.concurrency,
    seconds: options.seconds,
    sampleRate: options.sampleRate,
    bigFileMb: options.bigFileMb,
    bigSampleRate: options.bigSampleRate,
  };
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${optionFlag(name)} must be a whole number of at least 1, not ${value}`);
  }
  if (options.bigFileMb >= 4096) throw new Error('--big-file-mb must stay under 4096: a RIFF WAV holds at most 4 GiB');
  return selected as Set<'a' | 'b'>;
}

export const ingestBench = defineBenchmark<IngestOptions>({
  name: 'ingest',
  summary: 'recording uploads: the platform vs a bare Node server writing the body to disk',
  options: {
    uploads: { default: 200, description: 'workload (a): how many short recordings to upload' },
    concurrency: { default: 8, description: 'workload (a): uploads in flight at once' },
    seconds: { default: 30, description: 'workload (a): length of each recording' },
    sampleRate: { default: 8000, description: 'workload (a): sample rate of the stereo 16-bit recordings' },
    bigFileMb: { default: 500, description: 'workload (b): size of the one big recording, in MB (2^20 bytes)' },
    bigSampleRate: { default: 16000, description: 'workload (b): sample rate of the big stereo 16-bit recording' },
    warmup: { default: 8, description: 'uploads sent to each server before measuring (not counted)' },
    workloads: { default: 'a,b', description: 'which workloads to run: a (many short uploads), b (one big upload), or both' },
    databaseUrl: {
      default: 'postgres://postgres@127.0.0.1:5432/callgrade_bench',
      description: "the platform's database, DROPPED and recreated (its name must contain 'bench')",
    },
    redisUrl: { default: 'redis://127.0.0.1:6379/9', description: "the platform's Redis" },
    transcriptionWorker: {
      default: false,
      description: "also run the platform's transcription worker (it then transcribes the uploads while they are measured)",
    },
    cpuProf: { default: false, description: 'profile the platform with node --cpu-prof (slows it down) and summarise the profile' },
  },

  async run({ options, cleanup, outDir, repoRoot }) {
    const selected = checkOptions(options);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const startedAt = new Date().toISOString();
    const loadBefore = loadavg()[0];

    const work = mkdtempSync(join(tmpdir(), 'callgrade-bench-ingest-'));
    cleanup.add(`remove ${work}`, () => rm(work, { recursive: true, force: true }));
    const dirs = {
      audio: join(work, 'audio'),
      baseline: join(work, 'baseline-store'),
      storage: join(work, 'platform-storage'),
      platformCwd: join(work, 'platform-cwd'),
    };
    Object.values(dirs).forEach((dir) => mkdirSync(dir));
    log(`working in ${work}`);

    // Content differs per file (the seed), so the content-addressed store never dedupes.
    const small = (seed: number) => ({ sampleRate: options.sampleRate, channels: 2, dataBytes: wavDataBytes(options.seconds, options.sampleRate, 2), seed });
    const workloads: Workload[] = [];
    const warmupFiles = selected.has('a') ? await generateWavs(dirs.audio, 'warmup', options.warmup, (i) => small(1_000_000 + i)) : [];
    if (selected.has('a')) {
      const files = await generateWavs(dirs.audio, 'short', options.uploads, (i) => small(i));
      const title = `${options.uploads} uploads of ${describeWav(options.seconds, options.sampleRate, files[0]?.sizeBytes ?? 0)} each, concurrency ${options.concurrency}`;
      workloads.push({ key: 'a', title, files, concurrency: options.concurrency });
    }
    // Sized even when only (a) runs: the big file sets the platform's limits.
    const bigSpec = { sampleRate: options.bigSampleRate, channels: 2, dataBytes: options.bigFileMb * MIB, seed: 2_000_000 };
    const big = { sizeBytes: wavFileBytes(bigSpec), durationSeconds: wavDurationSeconds(bigSpec) };
    if (selected.has('b')) {
      const files = await generateWavs(dirs.audio, 'big', 1, () => bigSpec);
      workloads.push({ key: 'b', title: `1 upload of ${describeWav(big.durationSeconds, options.bigSampleRate, big.sizeBytes)}`, files, concurrency: 1 });
    }

    const profile = options.cpuProf ? { dir: outDir, name: `ingest-platform-${stamp}.cpuprofile` } : undefined;
    const baseline = await startBaseline(dirs.baseline, cleanup);
    log(`baseline: listening as pid ${baseline.process.pid} at ${baseline.url.origin}`);
    const platform = await startPlatform(
      {
        repoRoot,
        databaseUrl: options.databaseUrl,
        redisUrl: options.redisUrl,
        storageDir: dirs.storage,
        workDir: dirs.platformCwd,
        maxUploadBytes: big.sizeBytes + 64 * MIB,
        maxRecordingSeconds: Math.ceil(Math.max(big.durationSeconds, options.seconds)) + 3600,
        transcriptionWorker: options.transcriptionWorker,
        cpuProfile: profile,
      },
      cleanup,
    );

    const runId = stamp.replace(/[^0-9]/g, '').slice(0, 14);
    const uploadsFor = (target: UploadTarget, files: Workload['files'], label: string) =>
      uploadsOf(target, files, `bench-${runId}-${label}`, platform.agentExternalId, platform.apiKey);
    const targets: UploadTarget[] = [baseline, platform];

    const results: Measurement[] = [];
    for (const workload of workloads) {
      for (const target of targets) {
        if (workload.key === 'a' && warmupFiles.length) {
          const warm = uploadsFor(target, warmupFiles, 'warmup');
          log(`(${workload.key}) ${target.name}: warming up with ${warm.length} uploads`);
          const { outcomes } = await measureWorkload(target, { ...workload, files: warmupFiles }, warm, 'warm-up');
          assertAllAccepted(target, workload, warm, outcomes);
        }
        const uploads = uploadsFor(target, workload.files, workload.key);
        log(`(${workload.key}) ${target.name}: ${uploads.length} upload(s), concurrency ${workload.concurrency}`);
        const { measurement, outcomes } = await measureWorkload(target, workload, uploads);
        assertAllAccepted(target, workload, uploads, outcomes);
        if (target.name === 'platform' && workload.key === 'b') {
          const { durationMs } = JSON.parse(outcomes[0].body) as { durationMs: number };
          const expected = Math.round(big.durationSeconds * 1000);
          if (Math.abs(durationMs - expected) > 1)
            throw new Error(`(b) platform: the big recording was probed as ${durationMs} ms long, expected ${expected} ms`);
        }
        results.push(measurement);
        log(`(${workload.key}) ${target.name}: ${measurement.mbPerSecond.toFixed(1)} MB/s, peak RSS ${measurement.memory.peakMb.toFixed(1)} MB`);
      }
    }

    // Stopped here rather than in the cleanup so the CPU profile is written before it is read.
    await Promise.all([baseline.process.stop(), platform.process.stop()]);
    const checks = checkTargets(results);
    const cpu = cpus();
    const machine = `Machine: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, load average ${loadBefore.toFixed(2)} at start / ${loadavg()[0].toFixed(2)} at end; Node ${process.version}`;
    const notes = [
      'MB = 2^20 bytes. MB/s counts the audio files only (not the multipart framing) over the wall time of the workload.',
      'RSS: VmRSS of the server process read from /proc every 50 ms, and VmHWM after resetting it at the start of the workload (clear_refs).',
      "CPU: user+system time during the workload of the server process (and of its main thread, which runs the JavaScript), of the platform's PostgreSQL backends (db), and of the client (this process).",
      "Before (a) each server gets a few warm-up uploads; before each workload dirty pages are flushed (sync) so one server's writeback does not slow the other.",
    ];
    notes.push(
      options.transcriptionWorker
        ? 'The transcription worker was on: the platform transcribed uploads while they were measured.'
        : "The transcription worker was off (TRANSCRIPTION_WORKER_ENABLED=false); the outbox relay ran, moving each upload's job to Redis.",
    );
    if (profile) notes.push('Taken with the CPU profiler on in the platform: its throughput here is lower than without --cpu-prof.');
    let report = renderIngestReport({ workloads, results, checks, machine, notes });

    if (profile) {
      const path = join(profile.dir, profile.name);
      try {
        report += `\n\nPlatform CPU profile (${path}), the whole run including start-up:\n${renderProfileSummary(summariseCpuProfile(path))}`;
      } catch (e) {
        report += `\n\nNo CPU profile could be read from ${path}: ${(e as Error).message}`;
      }
    }

    const outFile = join(outDir, `ingest-${stamp}.json`);
    const json = {
      benchmark: 'ingest',
      startedAt,
      finishedAt: new Date().toISOString(),
      machine,
      options,
      workloads: workloads.map(({ key, title, concurrency, files }) => ({ key, title, concurrency, uploads: files.length })),
      results,
      targets: checks,
      cpuProfile: profile && join(profile.dir, profile.name),
    };
    writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
    return { report, outFile, targetsMet: checks.every((c) => c.met) };
  },
});
