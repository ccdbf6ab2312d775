import { execFileSync } from 'node:child_process';
import { Progress } from '../support/progress';
import { MultipartUpload, runUploads, UploadOutcome } from './multipart-client';
import { cpuSeconds, cpuSecondsBetween, cpuSecondsByPid, mainThreadCpuSeconds, MemoryReport, RssSampler } from './rss-sampler';
import { UploadTarget } from './upload-target';
import { Workload } from './workloads';

const MIB = 1024 * 1024;

export interface Measurement {
  workload: Workload['key'];
  server: UploadTarget['name'];
  uploads: number;
  concurrency: number;
  /** Audio file bytes sent; the multipart framing (a few hundred bytes an upload) is not counted. */
  fileBytes: number;
  seconds: number;
  uploadsPerSecond: number;
  mbPerSecond: number;
  latencyMs: { p50: number; p95: number; max: number };
  memory: MemoryReport;
  /** CPU time of the server process (all threads) during the workload. */
  serverCpuSeconds: number;
  /** The part of it on the main thread (JavaScript, the event loop); the rest is libuv's thread pool and V8's GC helpers. */
  serverMainThreadCpuSeconds: number;
  /** CPU time of the server's helpers (the platform's PostgreSQL backends) during the workload; undefined when it has none. */
  helperCpuSeconds?: number;
  /** CPU time of this process (the client) during the workload; near `seconds` would mean the client limits the result. */
  clientCpuSeconds: number;
  statuses: Record<string, number>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * Sends a workload's uploads to one target while sampling the target's memory and CPU. Dirty pages
 * are flushed first (`sync`), so the previous workload's writeback does not slow this one.
 */
export async function measureWorkload(
  target: UploadTarget,
  workload: Workload,
  uploads: MultipartUpload[],
  phase = 'measured',
): Promise<{ measurement: Measurement; outcomes: UploadOutcome[] }> {
  execFileSync('sync');
  const pid = target.process.pid;
  const sampler = new RssSampler(pid);
  const progress = new Progress(`(${workload.key}) ${target.name} ${phase}`, uploads.length);
  const helpersBefore = target.helperPids && cpuSecondsByPid(await target.helperPids());
  const serverCpuBefore = cpuSeconds(pid);
  const mainThreadCpuBefore = mainThreadCpuSeconds(pid);
  const clientCpuBefore = process.cpuUsage();
  sampler.start();
  const { seconds, outcomes } = await runUploads(uploads, workload.concurrency, () => progress.tick());
  const memory = sampler.stop();
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const serverCpuSeconds = cpuSeconds(pid) - serverCpuBefore;
  const serverMainThreadCpuSeconds = mainThreadCpuSeconds(pid) - mainThreadCpuBefore;
  const helperCpuSeconds = target.helperPids && helpersBefore && cpuSecondsBetween(helpersBefore, cpuSecondsByPid(await target.helperPids()));

  const fileBytes = uploads.reduce((sum, u) => sum + u.file.sizeBytes, 0);
  const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
  return {
    outcomes,
    measurement: {
      workload: workload.key,
      server: target.name,
      uploads: uploads.length,
      concurrency: workload.concurrency,
      fileBytes,
      seconds,
      uploadsPerSecond: uploads.length / seconds,
      mbPerSecond: fileBytes / MIB / seconds,
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies[latencies.length - 1] ?? NaN },
      memory,
      serverCpuSeconds,
      serverMainThreadCpuSeconds,
      helperCpuSeconds,
      clientCpuSeconds: (clientCpu.user + clientCpu.system) / 1e6,
      statuses,
    },
  };
}

/** Throws, naming the first few failures, unless every upload was answered 202 Accepted. */
export function assertAllAccepted(target: UploadTarget, workload: Workload, uploads: MultipartUpload[], outcomes: UploadOutcome[]): void {
  const failed = outcomes.map((outcome, i) => ({ outcome, upload: uploads[i] })).filter(({ outcome }) => outcome.status !== 202);
  if (failed.length === 0) return;
  const examples = failed
    .slice(0, 3)
    .map(({ outcome, upload }) =>
      `  ${upload.fields.externalId}: ${outcome.status || 'no response'} ${outcome.error ?? ''} ${outcome.body.slice(0, 500)}`.trimEnd(),
    );
  const exit = target.process.hasExited ? `\n${target.process.describeExit()}:\n${target.process.outputTail()}` : '';
  throw new Error(`(${workload.key}) ${target.name}: ${failed.length} of ${outcomes.length} uploads were not answered 202:\n${examples.join('\n')}${exit}`);
}
