import { ReviewRuleError, ReviewRuleErrorCode } from './review-rules.error';
import { periodContaining, previousPeriod, SamplingPeriod } from './sampling-period';

const at = (iso: string) => new Date(iso);
const iso = ({ start, end }: { start: Date; end: Date }) => ({ start: start.toISOString(), end: end.toISOString() });

describe('periodContaining', () => {
  it.each<[SamplingPeriod, string, string, string]>([
    ['day', '2025-03-05T13:45:00.000Z', '2025-03-05T00:00:00.000Z', '2025-03-06T00:00:00.000Z'],
    ['day', '2025-03-05T00:00:00.000Z', '2025-03-05T00:00:00.000Z', '2025-03-06T00:00:00.000Z'],
    ['day', '2025-03-05T23:59:59.999Z', '2025-03-05T00:00:00.000Z', '2025-03-06T00:00:00.000Z'],
    ['day', '2024-12-31T18:00:00.000Z', '2024-12-31T00:00:00.000Z', '2025-01-01T00:00:00.000Z'],
    ['day', '2024-02-28T12:00:00.000Z', '2024-02-28T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
    ['day', '2024-02-29T12:00:00.000Z', '2024-02-29T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
  ])('gives the UTC %s around %s', (period, when, start, end) => {
    expect(iso(periodContaining(period, at(when)))).toEqual({ start, end });
  });

  it.each<[string, string, string]>([
    // 2025-03-03 is a Monday, 2025-03-09 a Sunday.
    ['2025-03-03T00:00:00.000Z', '2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z'],
    ['2025-03-05T10:00:00.000Z', '2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z'],
    ['2025-03-09T23:59:59.999Z', '2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z'],
    ['2025-03-10T00:00:00.000Z', '2025-03-10T00:00:00.000Z', '2025-03-17T00:00:00.000Z'],
    // A week across the new year: Monday 2024-12-30 to Monday 2025-01-06 (ISO week 2025-W01).
    ['2025-01-01T08:00:00.000Z', '2024-12-30T00:00:00.000Z', '2025-01-06T00:00:00.000Z'],
    // A week across a leap day: Monday 2024-02-26.
    ['2024-02-29T08:00:00.000Z', '2024-02-26T00:00:00.000Z', '2024-03-04T00:00:00.000Z'],
  ])('starts the week containing %s on Monday 00:00 UTC', (when, start, end) => {
    expect(iso(periodContaining('week', at(when)))).toEqual({ start, end });
  });

  it('uses UTC, not the local time zone, for the weekday', () => {
    // Sunday 23:30 UTC is already Monday east of Greenwich; it still belongs to the week before.
    expect(iso(periodContaining('week', at('2025-03-09T23:30:00.000+00:00'))).start).toBe('2025-03-03T00:00:00.000Z');
    // Monday 00:30 at +02:00 is Sunday 22:30 UTC.
    expect(iso(periodContaining('week', at('2025-03-10T00:30:00.000+02:00'))).start).toBe('2025-03-03T00:00:00.000Z');
  });

  it.each<[string, string, string]>([
    ['2025-01-31T23:59:59.999Z', '2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z'],
    ['2025-02-15T00:00:00.000Z', '2025-02-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z'],
    ['2024-02-29T23:00:00.000Z', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['2025-04-30T12:00:00.000Z', '2025-04-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z'],
    ['2025-12-31T12:00:00.000Z', '2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['2025-03-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z'],
  ])('gives the calendar month containing %s', (when, start, end) => {
    expect(iso(periodContaining('month', at(when)))).toEqual({ start, end });
  });

  it('rejects an invalid date and an unknown period', () => {
    expect(() => periodContaining('day', new Date(Number.NaN))).toThrow(ReviewRuleError);
    expect(() => periodContaining('fortnight' as SamplingPeriod, at('2025-03-05T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: ReviewRuleErrorCode.InvalidPeriod }),
    );
  });
});

describe('previousPeriod', () => {
  it.each<[SamplingPeriod, string, string, string]>([
    ['day', '2025-03-01T06:00:00.000Z', '2025-02-28T00:00:00.000Z', '2025-03-01T00:00:00.000Z'],
    ['day', '2024-03-01T00:00:00.000Z', '2024-02-29T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['day', '2025-01-01T00:00:00.000Z', '2024-12-31T00:00:00.000Z', '2025-01-01T00:00:00.000Z'],
    // Run on Monday 00:00: the week just ended.
    ['week', '2025-03-10T00:00:00.000Z', '2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z'],
    // Run on Sunday: the week containing it is not complete, so the one before.
    ['week', '2025-03-09T20:00:00.000Z', '2025-02-24T00:00:00.000Z', '2025-03-03T00:00:00.000Z'],
    ['week', '2025-01-02T00:00:00.000Z', '2024-12-23T00:00:00.000Z', '2024-12-30T00:00:00.000Z'],
    ['month', '2025-03-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z'],
    ['month', '2024-03-15T00:00:00.000Z', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['month', '2025-01-31T23:59:59.999Z', '2024-12-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'],
  ])('gives the complete %s before the one containing %s', (period, when, start, end) => {
    expect(iso(previousPeriod(period, at(when)))).toEqual({ start, end });
  });

  it('ends exactly where the current period starts', () => {
    for (const period of ['day', 'week', 'month'] as const) {
      const when = at('2025-07-16T09:30:00.000Z');
      expect(previousPeriod(period, when).end).toEqual(periodContaining(period, when).start);
    }
  });
});
