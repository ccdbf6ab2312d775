import { readFileSync } from 'node:fs';

/** USER_HZ: the unit of the times in /proc/<pid>/stat; 100 on every Linux we run on. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface Usage {
  wallSeconds: number;
  /** This process (all threads): the pipeline's own JavaScript, file reads, spawning. */
  ownCpuSeconds: number;
  /** Children that have exited and were waited for (sox, ffmpeg, ffprobe, pocketsphinx); NaN without /proc. */
  childCpuSeconds: number;
  cpuSeconds: number;
}

/** cutime + cstime of this process: the user and system time of its waited-for children, in seconds. */
function childrenCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    // Fields after the command name, which is in parentheses and may hold spaces; cutime is field 16.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/**
 * Starts a clock of wall time and CPU time, this process's and its children's. Read it when no other
 * work runs beside what is measured: children's time is per process, not per job. The children's
 * time has 10 ms resolution.
 */
export function startClock(): () => Usage {
  const wallStarted = performance.now();
  const ownStarted = process.cpuUsage();
  const childrenStarted = childrenCpuSeconds();
  return () => {
    const own = process.cpuUsage(ownStarted);
    const ownCpuSeconds = (own.user + own.system) / 1e6;
    const childCpuSeconds = childrenCpuSeconds() - childrenStarted;
    return { wallSeconds: (performance.now() - wallStarted) / 1000, ownCpuSeconds, childCpuSeconds, cpuSeconds: ownCpuSeconds + childCpuSeconds };
  };
}

export const addUsage = (a: Usage, b: Usage): Usage => ({
  wallSeconds: a.wallSeconds + b.wallSeconds,
  ownCpuSeconds: a.ownCpuSeconds + b.ownCpuSeconds,
  childCpuSeconds: a.childCpuSeconds + b.childCpuSeconds,
  cpuSeconds: a.cpuSeconds + b.cpuSeconds,
});

export const NO_USAGE: Usage = { wallSeconds: 0, ownCpuSeconds: 0, childCpuSeconds: 0, cpuSeconds: 0 };
