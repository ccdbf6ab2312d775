import { ComplaintIssue, ComplaintRuleError, ComplaintRuleErrorCode } from './complaint-rules.error';
import { instantOf, isValidTimeZone, wallTimeAt } from './zoned-time';

export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export type DeadlineKind = 'first_response' | 'resolution';

export interface SeverityDeadlines {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export interface BusinessHours {
  /** Working days, 0 Sunday … 6 Saturday. */
  days: number[];
  /** Opening and closing time, "HH:MM" in the company's time zone. */
  start: string;
  end: string;
  /** Whole days off, "YYYY-MM-DD" in the company's time zone. */
  holidays: string[];
}

export interface ComplaintSettings {
  /** `business`: deadlines count only working hours; `calendar`: every hour counts. */
  clock: 'business' | 'calendar';
  timeZone: string;
  businessHours: BusinessHours;
  deadlines: Record<ComplaintSeverity, SeverityDeadlines>;
  /** How long after resolution a complaint may be reopened. */
  reopenWindowHours: number;
  /** How long the dispute team has to decide an agent's dispute of an evaluation, in calendar hours. */
  disputeResolutionHours: number;
}

export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = {
  clock: 'business',
  timeZone: 'Asia/Shanghai',
  businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] },
  deadlines: {
    critical: { firstResponseMinutes: 60, resolutionMinutes: 9 * 60 },
    high: { firstResponseMinutes: 4 * 60, resolutionMinutes: 2 * 9 * 60 },
    medium: { firstResponseMinutes: 9 * 60, resolutionMinutes: 5 * 9 * 60 },
    low: { firstResponseMinutes: 2 * 9 * 60, resolutionMinutes: 10 * 9 * 60 },
  },
  reopenWindowHours: 30 * 24,
  disputeResolutionHours: 72,
};

const MINUTE_MS = 60_000;
const MAX_DAYS_SEARCHED = 3 * 366;
const MAX_DEADLINE_MINUTES = 365 * 24 * 60;

const minutesOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When a deadline of `minutes` started at `start` falls due, counting only working time in `business` mode. */
export function addWorkingMinutes(start: Date, minutes: number, settings: Pick<ComplaintSettings, 'clock' | 'timeZone' | 'businessHours'>): Date {
  if (settings.clock === 'calendar' || minutes === 0) return new Date(start.getTime() + minutes * MINUTE_MS);
  const { days, holidays } = settings.businessHours;
  const open = minutesOfDay(settings.businessHours.start);
  const close = minutesOfDay(settings.businessHours.end);
  let remainingMs = minutes * MINUTE_MS;
  let cursor = start.getTime();
  let local = wallTimeAt(start, settings.timeZone);
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++) {
    const date = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
    if (days.includes(local.weekday) && !holidays.includes(date)) {
      const opensAt = instantOf(local.year, local.month, local.day, Math.floor(open / 60), open % 60, settings.timeZone).getTime();
      const closesAt = instantOf(local.year, local.month, local.day, Math.floor(close / 60), close % 60, settings.timeZone).getTime();
      const from = Math.max(cursor, opensAt);
      if (from < closesAt) {
        if (remainingMs <= closesAt - from) return new Date(from + remainingMs);
        remainingMs -= closesAt - from;
      }
    }
    // Noon of the next calendar day, then back to its start: safe across daylight-saving changes.
    const next = wallTimeAt(new Date(Date.UTC(local.year, local.month - 1, local.day + 1, 12)), 'UTC');
    cursor = instantOf(next.year, next.month, next.day, 0, 0, settings.timeZone).getTime();
    local = wallTimeAt(new Date(cursor), settings.timeZone);
  }
  throw new ComplaintRuleError(ComplaintRuleErrorCode.InvalidInput, `no working time found within ${MAX_DAYS_SEARCHED} days of ${start.toISOString()}`);
}

/** Both deadlines of a complaint received at `receivedAt`. */
export function complaintDeadlines(receivedAt: Date, severity: ComplaintSeverity, settings: ComplaintSettings): Record<DeadlineKind, Date> {
  const { firstResponseMinutes, resolutionMinutes } = settings.deadlines[severity];
  return {
    first_response: addWorkingMinutes(receivedAt, firstResponseMinutes, settings),
    resolution: addWorkingMinutes(receivedAt, resolutionMinutes, settings),
  };
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Every problem with a settings object, by field; empty when it can be used. */
export function complaintSettingsIssues(settings: ComplaintSettings): ComplaintIssue[] {
  const issues: ComplaintIssue[] = [];
  const problem = (field: string, text: string) => issues.push({ field, problem: text });
  if (settings.clock !== 'business' && settings.clock !== 'calendar') problem('clock', 'must be business or calendar');
  if (typeof settings.timeZone !== 'string' || !isValidTimeZone(settings.timeZone)) problem('timeZone', 'is not a time zone name (e.g. Asia/Shanghai)');
  const hours = settings.businessHours;
  const days = Array.isArray(hours?.days) ? hours.days : [];
  if (!Array.isArray(hours?.days) || days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 6) || new Set(days).size !== days.length) {
    problem('businessHours.days', 'must be distinct weekdays 0 (Sunday) to 6 (Saturday), at least one');
  }
  const validStart = typeof hours?.start === 'string' && HHMM.test(hours.start);
  const validEnd = typeof hours?.end === 'string' && HHMM.test(hours.end);
  if (!validStart) problem('businessHours.start', 'must be a time HH:MM');
  if (!validEnd) problem('businessHours.end', 'must be a time HH:MM');
  if (validStart && validEnd && minutesOfDay(hours.end) <= minutesOfDay(hours.start)) problem('businessHours.end', 'must be after businessHours.start');
  (Array.isArray(hours?.holidays) ? hours.holidays : []).forEach((d, i) => {
    if (typeof d !== 'string' || !ISO_DATE.test(d)) problem(`businessHours.holidays[${i}]`, 'must be a date YYYY-MM-DD');
  });
  for (const severity of COMPLAINT_SEVERITIES) {
    const d = settings.deadlines?.[severity];
    const check = (key: keyof SeverityDeadlines) => {
      const v = d?.[key];
      if (!Number.isInteger(v) || v < 1 || v > MAX_DEADLINE_MINUTES)
        problem(`deadlines.${severity}.${key}`, `must be a whole number of minutes from 1 to ${MAX_DEADLINE_MINUTES}`);
    };
    check('firstResponseMinutes');
    check('resolutionMinutes');
    if (d && Number.isInteger(d.firstResponseMinutes) && Number.isInteger(d.resolutionMinutes) && d.resolutionMinutes < d.firstResponseMinutes) {
      problem(`deadlines.${severity}.resolutionMinutes`, 'must not be shorter than firstResponseMinutes');
    }
  }
  if (!Number.isInteger(settings.reopenWindowHours) || settings.reopenWindowHours < 0 || settings.reopenWindowHours > 8760) {
    problem('reopenWindowHours', 'must be a whole number of hours from 0 to 8760');
  }
  if (!Number.isInteger(settings.disputeResolutionHours) || settings.disputeResolutionHours < 1 || settings.disputeResolutionHours > 8760) {
    problem('disputeResolutionHours', 'must be a whole number of hours from 1 to 8760');
  }
  return issues;
}
