export interface LeaveDays {
  agentId: string;
  /** YYYY-MM-DD (UTC), inclusive. */
  startsOn: string;
  /** YYYY-MM-DD (UTC), inclusive. */
  endsOn: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The agents on leave for the whole of [periodStart, periodEnd): every UTC day the period touches is
 * inside one of their leaves (leaves that meet or overlap are joined). Sorted by id.
 *
 * This is the leave rule of sampling runs. An agent away for part of the period still worked the rest of
 * it and is sampled from those days (the stratified draw fills empty strata from the nearest ones); an
 * agent away throughout has at most stray calls, so sampling them would only produce evaluations nobody
 * can act on. The rule depends on the period and the stored leaves only, not on when the run happens,
 * so a run is reproducible from its seed and data.
 */
export function agentsOnLeaveThroughout(leaves: readonly LeaveDays[], periodStart: Date, periodEnd: Date): string[] {
  const firstDay = Math.floor(periodStart.getTime() / DAY_MS);
  const lastDay = Math.floor((periodEnd.getTime() - 1) / DAY_MS);
  const byAgent = new Map<string, [number, number][]>();
  for (const leave of leaves) {
    const span: [number, number] = [dayNumber(leave.startsOn), dayNumber(leave.endsOn)];
    if (!Number.isFinite(span[0]) || !Number.isFinite(span[1]) || span[1] < span[0]) continue;
    const spans = byAgent.get(leave.agentId) ?? [];
    spans.push(span);
    byAgent.set(leave.agentId, spans);
  }
  const onLeave: string[] = [];
  for (const [agentId, spans] of byAgent) {
    spans.sort((a, b) => a[0] - b[0]);
    let firstUncovered = firstDay;
    for (const [start, end] of spans) {
      if (start > firstUncovered) break;
      firstUncovered = Math.max(firstUncovered, end + 1);
    }
    if (firstUncovered > lastDay) onLeave.push(agentId);
  }
  return onLeave.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Days since 1970-01-01 for a YYYY-MM-DD date; NaN when it is not one. */
export function dayNumber(isoDate: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return Number.NaN;
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) return Number.NaN;
  return ms / DAY_MS;
}

/** The UTC date (YYYY-MM-DD) of an instant. */
export const isoDay = (at: Date) => at.toISOString().slice(0, 10);
