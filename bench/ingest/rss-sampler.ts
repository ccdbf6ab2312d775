import { readFileSync, writeFileSync } from 'node:fs';

const KIB = 1024;
const MIB = 1024 * 1024;
/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux we run on. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface MemoryReport {
  /** VmRSS when the workload started. */
  beforeMb: number;
  /** The highest resident set seen during the workload: sampled VmRSS and, when it could be reset, VmHWM. */
  peakMb: number;
  growthMb: number;
  samples: number;
  /** Whether VmHWM was reset at the start (clear_refs), so it covers this workload alone. */
  highWaterMarkReset: boolean;
}

function statusKib(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(match[1]);
}

/** User plus system CPU time the process (all its threads) has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/stat`);
}

/** CPU time of the process's main thread alone: the one running the JavaScript event loop. */
export function mainThreadCpuSeconds(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/task/${pid}/stat`);
}

function statCpuSeconds(path: string): number {
  let stat: string;
  try {
    stat = readFileSync(path, 'latin1');
  } catch {
    return NaN;
  }
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+, same user). */
function resetHighWaterMark(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples a process's resident memory every `intervalMs` between `start` and `stop`. */
export class RssSampler {
  private timer?: NodeJS.Timeout;
  private beforeKib = 0;
  private peakKib = 0;
  private samples = 0;
  private highWaterMarkReset = false;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 50,
  ) {}

  start(): void {
    this.highWaterMarkReset = resetHighWaterMark(this.pid);
    this.beforeKib = statusKib(this.pid, 'VmRSS');
    this.peakKib = this.beforeKib;
    this.samples = 1;
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  stop(): MemoryReport {
    clearInterval(this.timer);
    this.sample();
    if (this.highWaterMarkReset) this.peakKib = Math.max(this.peakKib, statusKib(this.pid, 'VmHWM'));
    const mb = (kib: number) => (kib * KIB) / MIB;
    return {
      beforeMb: mb(this.beforeKib),
      peakMb: mb(this.peakKib),
      growthMb: mb(this.peakKib - this.beforeKib),
      samples: this.samples,
      highWaterMarkReset: this.highWaterMarkReset,
    };
  }

  private sample(): void {
    try {
      this.peakKib = Math.max(this.peakKib, statusKib(this.pid, 'VmRSS'));
      this.samples += 1;
    } catch {
      // The process is gone; the workload will report why.
    }
  }
}

/** CPU seconds of each process, by pid; a process gone since is left out. */
export function cpuSecondsByPid(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, cpuSeconds(pid)] as const).filter(([, seconds]) => !Number.isNaN(seconds)));
}

/** CPU time used between two readings; a process that appeared in between counts from zero. */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}
