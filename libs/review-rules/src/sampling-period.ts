import { ReviewRuleError, ReviewRuleErrorCode } from './review-rules.error';

export type SamplingPeriod = 'day' | 'week' | 'month';

export interface PeriodBounds {
  start: Date;
  /** Exclusive: the start of the next period. */
  end: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day, ISO week (Monday 00:00 UTC onwards) or calendar month that contains `at`. */
export function periodContaining(period: SamplingPeriod, at: Date): PeriodBounds {
  const ms = at instanceof Date ? at.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new ReviewRuleError(ReviewRuleErrorCode.InvalidPeriod, `not a valid date: ${String(at)}`);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const dayStart = Date.UTC(year, month, at.getUTCDate());
  switch (period) {
    case 'day':
      return bounds(dayStart, dayStart + DAY_MS);
    case 'week': {
      // getUTCDay counts from Sunday = 0; ISO weeks start on Monday.
      const daysSinceMonday = (at.getUTCDay() + 6) % 7;
      const start = dayStart - daysSinceMonday * DAY_MS;
      return bounds(start, start + 7 * DAY_MS);
    }
    case 'month':
      return bounds(Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1));
    default:
      throw new ReviewRuleError(ReviewRuleErrorCode.InvalidPeriod, `unknown sampling period "${String(period)}"; expected day, week or month`);
  }
}

/** The last complete period before the one containing `at`, e.g. what a schedule running at `at` samples. */
export function previousPeriod(period: SamplingPeriod, at: Date): PeriodBounds {
  const current = periodContaining(period, at);
  return periodContaining(period, new Date(current.start.getTime() - 1));
}

function bounds(start: number, end: number): PeriodBounds {
  return { start: new Date(start), end: new Date(end) };
}
