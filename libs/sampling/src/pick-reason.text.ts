import type { PickReason, RuleMatch } from './review-sample.types';

/** What an assignment records as its reason: a pick of the sampler, or one added by hand. */
export type AssignmentReason = PickReason | { kind: 'manual'; note?: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Why a call was picked, in words a reviewer or an agent can read, e.g.
 * "Random pick: stratum 3 of 8 (8–12 Jan)" or "Rule low-auto-score: auto-score 31 below 40".
 * Other rules the call also matched follow ("; also matches rule unhappy: CSAT 1, at or below 2").
 * Dates are UTC, like the sampling periods.
 */
export function describeAssignmentReason(reason: unknown, alsoMatched: readonly unknown[] = []): string {
  const main = describeReason(reason);
  const others = alsoMatched.filter(isRuleMatch).map((match) => `rule ${describeMatch(match)}`);
  return others.length ? `${main}; also matches ${others.join('; ')}` : main;
}

function describeReason(reason: unknown): string {
  if (!reason || typeof reason !== 'object') return 'Picked (no reason recorded)';
  const r = reason as { kind?: unknown };
  if (r.kind === 'manual') {
    const note = (reason as { note?: unknown }).note;
    return typeof note === 'string' && note.trim() ? `Added by hand: ${note.trim()}` : 'Added by hand';
  }
  if (r.kind === 'random') {
    const pick = reason as { stratum: number; strata: number; stratumStart: number; stratumEnd: number; filledForStratum?: number };
    const text = `Random pick: stratum ${pick.stratum + 1} of ${pick.strata} (${formatRange(pick.stratumStart, pick.stratumEnd)})`;
    return pick.filledForStratum === undefined ? text : `${text}, standing in for stratum ${pick.filledForStratum + 1}, which had no eligible call`;
  }
  if (r.kind === 'rule' && isRuleMatch(reason)) return `Rule ${describeMatch(reason)}`;
  return 'Picked (reason not understood)';
}

function isRuleMatch(value: unknown): value is RuleMatch {
  const v = value as { ruleId?: unknown; ruleKind?: unknown; detail?: unknown } | null;
  return !!v && typeof v === 'object' && typeof v.ruleId === 'string' && typeof v.ruleKind === 'string' && !!v.detail && typeof v.detail === 'object';
}

/** "<rule id>: <what about the call matched>". */
function describeMatch(match: RuleMatch): string {
  return `${match.ruleId}: ${describeDetail(match)}`;
}

function describeDetail(match: RuleMatch): string {
  switch (match.ruleKind) {
    case 'auto_score_below':
      return `auto-score ${formatNumber(match.detail.autoScore)} below ${formatNumber(match.detail.threshold)}`;
    case 'critical_auto_failure':
      return 'auto-scoring found a critical failure';
    case 'linked_complaint':
      return 'a customer complaint is linked to the call';
    case 'low_csat':
      return `CSAT ${formatNumber(match.detail.csat)}, at or below ${formatNumber(match.detail.threshold)}`;
    case 'long_call': {
      const detail = match.detail;
      if ('minDurationSec' in detail) return `call lasted ${formatDuration(detail.durationSec)}, at least ${formatDuration(detail.minDurationSec)}`;
      return (
        `call lasted ${formatDuration(detail.durationSec)}, longer than the agent's ${ordinal(detail.percentileOfAgent)} percentile ` +
        `(${formatDuration(detail.agentPercentileSec)} over ${detail.agentEligibleCalls} calls)`
      );
    }
    default:
      return 'matched';
  }
}

/** "8–12 Jan" for a stratum of a day or more (start day to the day of its last instant), times in UTC below a day. */
export function formatRange(startMs: number, endMs: number): string {
  const start = new Date(startMs);
  const last = new Date(Math.max(startMs, endMs - 1));
  if (endMs - startMs < DAY_MS) {
    const time = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    const end = new Date(endMs);
    const endText = sameDay(start, last) ? time(end) : `${formatDay(end)} ${time(end)}`;
    return `${formatDay(start)} ${time(start)}–${endText} UTC`;
  }
  if (start.getUTCFullYear() !== last.getUTCFullYear()) return `${formatDay(start)} ${start.getUTCFullYear()}–${formatDay(last)} ${last.getUTCFullYear()}`;
  if (start.getUTCMonth() !== last.getUTCMonth()) return `${formatDay(start)}–${formatDay(last)}`;
  if (start.getUTCDate() === last.getUTCDate()) return formatDay(start);
  return `${start.getUTCDate()}–${formatDay(last)}`;
}

/** 30 s, 12 min 5 s, 1 h 2 min. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds);
  if (seconds < 60) return `${seconds} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return s > 0 ? `${m} min ${s} s` : `${m} min`;
}

const formatNumber = (n: number) => String(Math.round(n * 100) / 100);
const pad = (n: number) => String(n).padStart(2, '0');
const sameDay = (a: Date, b: Date) => a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
const formatDay = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;

function ordinal(n: number): string {
  const text = formatNumber(n);
  if (!Number.isInteger(n)) return `${text}th`;
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${text}th`;
  return `${text}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
