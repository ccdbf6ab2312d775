import { readFileSync } from 'node:fs';
import { renderTable } from './table';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The parts of a V8 `.cpuprofile` (from `node --cpu-prof`) used here. */
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled time the process was not idle. */
  busyMs: number;
  idleMs: number;
  topFunctions: { name: string; where: string; selfMs: number }[];
  areas: { area: string; selfMs: number }[];
}

/** Where code comes from: a package, a Callgrade lib or app, a part of Node, or V8 itself. */
function areaOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/dist\/(libs|apps)\/([^/]+)\//.exec(url);
  if (own) return own[1] === 'libs' ? `@callgrade/${own[2]}` : `apps/${own[2]}`;
  if (url.startsWith('node:'))
    return `node:${
      url
        .slice(5)
        .replace(/^internal\//, '')
        .split('/')[0]
    }`;
  return url;
}

function whereOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return '';
  const short = frame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|dist)\//, '$1/');
  return `${short}:${frame.lineNumber + 1}`;
}

/** Self time per function and per area of a CPU profile, heaviest first. */
export function summariseCpuProfile(path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const functions = new Map<string, { name: string; where: string; selfMs: number }>();
  const areas = new Map<string, number>();
  let idleMs = 0;
  let busyMs = 0;
  for (const [id, us] of selfUs) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    const ms = us / 1000;
    if (frame.functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    busyMs += ms;
    const where = whereOf(frame);
    const key = `${frame.functionName}@${where}`;
    const entry = functions.get(key) ?? { name: frame.functionName || '(anonymous)', where, selfMs: 0 };
    entry.selfMs += ms;
    functions.set(key, entry);
    const area = areaOf(frame);
    areas.set(area, (areas.get(area) ?? 0) + ms);
  }
  return {
    busyMs,
    idleMs,
    topFunctions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
    areas: [...areas]
      .map(([area, selfMs]) => ({ area, selfMs }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top),
  };
}

export function renderProfileSummary(summary: ProfileSummary): string {
  const pct = (ms: number) => `${((100 * ms) / summary.busyMs).toFixed(1)}%`;
  return [
    `CPU busy ${(summary.busyMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s (self time; native work is counted in the JS function that called it)`,
    '',
    renderTable(
      [{ header: 'self ms', align: 'right' }, { header: 'share', align: 'right' }, { header: 'area' }],
      summary.areas.map((a) => [a.selfMs.toFixed(0), pct(a.selfMs), a.area]),
    ),
    '',
    renderTable(
      [{ header: 'self ms', align: 'right' }, { header: 'share', align: 'right' }, { header: 'function' }, { header: 'where' }],
      summary.topFunctions.map((f) => [f.selfMs.toFixed(0), pct(f.selfMs), f.name, f.where]),
    ),
  ].join('\n');
}
