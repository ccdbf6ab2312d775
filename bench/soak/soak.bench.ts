import { lineChart } from '@callgrade/charts';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateWavs } from '../ingest/workloads';
import { generateCalls } from '../transcribe/generate-calls';
import { startPlatform } from '../ingest/start-platform';
import { defineBenchmark, optionFlag } from '../support/benchmark';
import { log } from '../support/progress';
import { fixed, renderTable } from '../support/table';
import { SoakSampler } from './soak-sampler';
import { judgeTrend, SoakMetric, SoakSample, TrendVerdict } from './soak-trend';

type SoakOptions = {
  callsPerHour: number;
  hours: number;
  compression: number;
  transcribeEvery: number;
  callSeconds: number;
  sampleMs: number;
  warmupShare: number;
  rssToleranceMb: number;
  handleTolerance: number;
  queueTolerance: number;
  drainTimeoutS: number;
  databaseUrl: string;
  redisUrl: string;
};

/** A supplied transcript: the call goes straight to scoring, like a phone system that transcribes itself. */
const TRANSCRIPT = [
  ['agent', 'Hello, this is Northwind Bank, my name is Priya, how can I help you today?'],
  ['customer', 'Hi, I would like to check my balance please.'],
  ['agent', 'Of course, your balance is two hundred pounds. Is there anything else I can help you with?'],
  ['customer', 'No thanks, goodbye.'],
].map(([speaker, text], i) => ({ speaker, startMs: i * 2000, endMs: i * 2000 + 1800, text }));

const METRICS: { metric: SoakMetric; label: string; unit: string; tolerance: (o: SoakOptions) => number }[] = [
  { metric: 'rssMb', label: 'platform RSS', unit: 'MB', tolerance: (o) => o.rssToleranceMb },
  { metric: 'openHandles', label: 'open handles', unit: 'fds', tolerance: (o) => o.handleTolerance },
  { metric: 'queueDepth', label: 'queue depth', unit: 'jobs + outbox rows', tolerance: (o) => o.queueTolerance },
];

function checkOptions(o: SoakOptions) {
  for (const name of ['callsPerHour', 'compression', 'transcribeEvery', 'callSeconds', 'sampleMs', 'drainTimeoutS'] as const) {
    if (!Number.isInteger(o[name]) || o[name] < 1) throw new Error(`--${optionFlag(name)} must be a whole number of at least 1, not ${o[name]}`);
  }
  if (!(o.hours > 0)) throw new Error(`--hours must be above 0, not ${o.hours}`);
  if (!(o.warmupShare >= 0 && o.warmupShare < 0.9)) throw new Error(`--warmup-share must be from 0 to 0.9, not ${o.warmupShare}`);
  if (o.callSeconds < 9) throw new Error('--call-seconds must be at least 9: the supplied transcript lasts 8 s');
}

export const soakBench = defineBenchmark<SoakOptions>({
  name: 'soak',
  summary: 'an hour of calls at a fixed rate through the whole pipeline, compressed in time; fails on a growth trend in memory, handles or queue depth',
  options: {
    callsPerHour: { default: 600, description: 'calls a contact centre records in an hour' },
    hours: { default: 1, description: 'hours of calls to send (0.1 for a quick check)' },
    compression: { default: 20, description: 'time compression: 20 sends an hour of calls in 3 minutes' },
    transcribeEvery: {
      default: 60,
      description:
        'every n-th call is a spoken call (about a minute, flite) transcribed by the recogniser; the others bring their own transcript and go straight to scoring',
    },
    callSeconds: { default: 12, description: 'length of each call that brings its transcript (mono 8 kHz WAV, unique content)' },
    sampleMs: { default: 1000, description: 'how often memory, handles and queue depth are sampled' },
    warmupShare: { default: 0.25, description: 'share of the samples at the start left out of the trend (caches and JIT warming up)' },
    rssToleranceMb: { default: 20, description: 'RSS growth per 1,000 calls tolerated before the trend fails' },
    handleTolerance: { default: 5, description: 'open handles gained per 1,000 calls tolerated' },
    queueTolerance: { default: 20, description: 'queue depth gained per 1,000 calls tolerated (more: the pipeline does not keep up with the rate)' },
    drainTimeoutS: { default: 900, description: 'how long to wait after the last call for the pipeline to finish' },
    databaseUrl: {
      default: 'postgres://postgres@127.0.0.1:5432/callgrade_soak_bench',
      description: "the platform's database, DROPPED and recreated (its name must contain 'bench')",
    },
    redisUrl: { default: 'redis://127.0.0.1:6379/10', description: "the platform's Redis (its queue keys are cleared)" },
  },

  async run({ options, cleanup, outDir, repoRoot }) {
    checkOptions(options);
    const calls = Math.max(1, Math.round(options.callsPerHour * options.hours));
    const intervalMs = 3_600_000 / options.callsPerHour / options.compression;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const loadBefore = loadavg()[0];

    const work = mkdtempSync(join(tmpdir(), 'callgrade-bench-soak-'));
    cleanup.add(`remove ${work}`, () => rm(work, { recursive: true, force: true }));
    const dirs = { audio: join(work, 'audio'), storage: join(work, 'storage'), platformCwd: join(work, 'platform-cwd') };
    Object.values(dirs).forEach((dir) => mkdirSync(dir));
    // Calls with a transcript carry noise of unique content; the recognised ones are spoken by flite (a few scripts, reused).
    const files = await generateWavs(dirs.audio, 'call', calls, (i) => ({ sampleRate: 8000, channels: 1, dataBytes: options.callSeconds * 8000 * 2, seed: i }));
    const spoken = await generateCalls(dirs.audio, Math.min(4, Math.ceil(calls / options.transcribeEvery)), 8000);

    const platform = await startPlatform(
      {
        repoRoot,
        databaseUrl: options.databaseUrl,
        redisUrl: options.redisUrl,
        storageDir: dirs.storage,
        workDir: dirs.platformCwd,
        maxUploadBytes: 64 * 1024 * 1024,
        maxRecordingSeconds: 3600,
        transcriptionWorker: true,
      },
      cleanup,
    );
    const sampler = new SoakSampler(platform.process.pid, options.redisUrl, options.databaseUrl);
    await sampler.open();
    cleanup.add('close the soak sampler', () => sampler.close());

    log(
      `soak: ${calls} calls, one every ${intervalMs.toFixed(0)} ms (${options.callsPerHour}/h compressed ${options.compression}×), every ${options.transcribeEvery}th transcribed`,
    );
    const samples: SoakSample[] = [];
    let sent = 0;
    const t0 = performance.now();
    const elapsedS = () => (performance.now() - t0) / 1000;
    let sampling = true;
    const samplingLoop = (async () => {
      while (sampling) {
        samples.push(await sampler.sample(elapsedS(), sent));
        await sleep(options.sampleMs);
      }
    })();

    const recognised = (i: number) => i % options.transcribeEvery === 0;
    const uploads: Promise<void>[] = [];
    const refusals: string[] = [];
    for (let i = 0; i < calls; i++) {
      const due = t0 + i * intervalMs;
      if (due > performance.now()) await sleep(due - performance.now());
      uploads.push(
        upload(
          platform.url,
          platform.apiKey,
          platform.agentExternalId,
          `soak-${stamp}-${i}`,
          recognised(i) ? spoken[(i / options.transcribeEvery) % spoken.length].path : files[i].path,
          !recognised(i),
        ).then(
          () => {
            sent += 1;
          },
          (e: Error) => {
            refusals.push(e.message);
          },
        ),
      );
      if (i % Math.max(1, Math.floor(calls / 10)) === 0) log(`soak: sent ${i}/${calls}`);
    }
    await Promise.all(uploads);
    const sendingEndedAt = samples.length;
    if (refusals.length) throw new Error(`${refusals.length} upload(s) refused, e.g. ${refusals[0]}`);

    log('soak: all calls sent; waiting for the pipeline to finish them');
    const deadline = performance.now() + options.drainTimeoutS * 1000;
    while ((samples.at(-1)?.callsDone ?? 0) < calls && performance.now() < deadline) await sleep(options.sampleMs);
    sampling = false;
    await samplingLoop;
    const drainedS = elapsedS();
    const last = samples.at(-1)!;
    if (last.callsDone < calls) throw new Error(`only ${last.callsDone} of ${calls} calls finished within ${options.drainTimeoutS} s of the last upload`);
    const failed = await sampler.failures();
    if (failed.length) throw new Error(`calls failed in the pipeline, e.g. ${failed.map((f) => `${f.id}: ${f.failure_reason}`).join('; ')}`);

    // The trend is judged while calls arrive; the drain afterwards only empties the queues.
    const sending = samples.slice(0, sendingEndedAt);
    const verdicts = METRICS.map((m) => judgeTrend(sending, m.metric, m.tolerance(options), options.warmupShare));
    const report = renderReport(options, calls, intervalMs, samples, sendingEndedAt, verdicts, drainedS, loadBefore);

    const svgFile = join(outDir, `soak-${stamp}.svg`);
    writeFileSync(svgFile, chart(sending, verdicts));
    const outFile = join(outDir, `soak-${stamp}.json`);
    writeFileSync(outFile, JSON.stringify({ options, calls, intervalMs, drainedS, verdicts, samples }, null, 2));
    const growing = verdicts.filter((v) => v.growing);
    if (growing.length) {
      process.stdout.write(`\n${report}\n\nChart: ${svgFile}\n`);
      throw new Error(`growth trend in ${growing.map((v) => v.metric).join(', ')} (see the table)`);
    }
    return { report: `${report}\n\nChart: ${svgFile}`, outFile, targetsMet: true };
  },
});

async function upload(url: URL, apiKey: string, agentExternalId: string, externalId: string, path: string, withTranscript: boolean): Promise<void> {
  const form = new FormData();
  form.set('externalId', externalId);
  form.set('agentExternalId', agentExternalId);
  form.set('startedAt', new Date().toISOString());
  form.set('direction', 'inbound');
  if (withTranscript) form.set('transcript', JSON.stringify(TRANSCRIPT));
  form.set('file', new Blob([readFileSync(path)], { type: 'audio/wav' }), `${externalId}.wav`);
  const res = await fetch(url, { method: 'POST', headers: { 'x-api-key': apiKey }, body: form });
  if (res.status !== 202) throw new Error(`${externalId}: ${res.status} ${await res.text()}`);
}

function renderReport(
  o: SoakOptions,
  calls: number,
  intervalMs: number,
  samples: SoakSample[],
  sendingEndedAt: number,
  verdicts: TrendVerdict[],
  drainedS: number,
  loadBefore: number,
): string {
  const sendingS = samples[sendingEndedAt - 1]?.atS ?? 0;
  const every = Math.max(1, Math.floor(samples.length / 12));
  const timeline = renderTable(
    [
      { header: 't (s)', align: 'right' },
      { header: 'calls sent', align: 'right' },
      { header: 'done', align: 'right' },
      { header: 'RSS MB', align: 'right' },
      { header: 'handles', align: 'right' },
      { header: 'queue', align: 'right' },
    ],
    samples
      .filter((_, i) => i % every === 0 || i === samples.length - 1)
      .map((s) => [fixed(s.atS, 0), String(s.callsSent), String(s.callsDone), fixed(s.rssMb), String(s.openHandles), String(s.queueDepth)]),
  );
  const trends = renderTable(
    [
      { header: 'metric' },
      { header: 'first', align: 'right' },
      { header: 'last sent', align: 'right' },
      { header: 'peak', align: 'right' },
      { header: 'slope / 1,000 calls (95 % CI)', align: 'right' },
      { header: 'tolerance', align: 'right' },
      { header: 'verdict' },
    ],
    verdicts.map((v) => {
      const meta = METRICS.find((m) => m.metric === v.metric)!;
      const values = samples.slice(0, sendingEndedAt).map((s) => s[v.metric]);
      const { slope, lower, upper } = v.perThousandCalls;
      return [
        `${meta.label} (${meta.unit})`,
        fixed(values[0]),
        fixed(values.at(-1)),
        fixed(Math.max(...values)),
        `${fixed(slope, 2)} (${fixed(lower ?? undefined, 2)} to ${fixed(upper ?? undefined, 2)})`,
        fixed(v.tolerancePerThousandCalls, 0),
        v.growing ? 'GROWING' : 'flat',
      ];
    }),
  );
  const cpu = cpus();
  return [
    `Soak: ${calls} calls (${o.callsPerHour}/h for ${o.hours} h) sent in ${fixed(sendingS, 0)} s, one every ${fixed(intervalMs, 0)} ms: time compressed ${o.compression}× (an hour of calls in ${fixed(60 / o.compression, 1)} min). Every ${o.transcribeEvery}th call is a spoken call the recogniser transcribes; the others (${o.callSeconds} s of audio) bring a transcript and go straight to scoring. All ${calls} finished after ${fixed(drainedS, 0)} s.`,
    '',
    timeline,
    '',
    trends,
    '',
    `A metric is GROWING when the whole 95 % interval of its least-squares slope against calls sent lies above the tolerance; the first ${Math.round(o.warmupShare * 100)} % of the samples (warm-up) and the drain after the last call are left out.`,
    `Machine: ${cpu.length} CPUs, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, load average ${loadBefore.toFixed(2)} at start / ${loadavg()[0].toFixed(2)} at end; Node ${process.version}`,
  ].join('\n');
}

function chart(samples: SoakSample[], verdicts: TrendVerdict[]): string {
  const rss = verdicts.find((v) => v.metric === 'rssMb')!;
  const handles = verdicts.find((v) => v.metric === 'openHandles')!;
  const queue = verdicts.find((v) => v.metric === 'queueDepth')!;
  return lineChart({
    title: 'Soak: platform memory, open handles and queue depth against calls sent (dashed: fitted trend)',
    xLabel: 'calls sent',
    yLabel: 'MB / fds / jobs',
    series: [
      { label: `RSS (MB), ${fixed(rss.perThousandCalls.slope, 2)} MB per 1,000 calls`, points: samples.map((s) => [s.callsSent, s.rssMb]), trend: rss.trend },
      {
        label: `open handles, ${fixed(handles.perThousandCalls.slope, 2)} per 1,000 calls`,
        points: samples.map((s) => [s.callsSent, s.openHandles]),
        trend: handles.trend,
      },
      {
        label: `queue depth, ${fixed(queue.perThousandCalls.slope, 2)} per 1,000 calls`,
        points: samples.map((s) => [s.callsSent, s.queueDepth]),
        trend: queue.trend,
      },
    ],
  });
}
