import { DomainError } from '@callgrade/http';
import { defaultSeed, resolvePeriod } from './run-sampling.usecase';

const at = (iso: string) => new Date(iso);

describe('resolvePeriod', () => {
  it("defaults to the plan's previous complete period before now", () => {
    expect(resolvePeriod('week', { now: at('2025-03-12T10:00:00Z') })).toEqual({ start: at('2025-03-03T00:00:00Z'), end: at('2025-03-10T00:00:00Z') });
    expect(resolvePeriod('month', { now: at('2025-03-01T00:00:00Z') })).toEqual({ start: at('2025-02-01T00:00:00Z'), end: at('2025-03-01T00:00:00Z') });
  });

  it("takes the plan's period containing a start given alone, and a custom period given whole", () => {
    expect(resolvePeriod('day', { periodStart: at('2025-03-05T15:00:00Z') })).toEqual({ start: at('2025-03-05T00:00:00Z'), end: at('2025-03-06T00:00:00Z') });
    expect(resolvePeriod('day', { periodStart: at('2025-03-05T15:00:00Z'), periodEnd: at('2025-03-07T00:00:00Z') })).toEqual({
      start: at('2025-03-05T15:00:00Z'),
      end: at('2025-03-07T00:00:00Z'),
    });
  });

  it('refuses an end without a start, an end before the start, and more than a year', () => {
    const problem = (command: Parameters<typeof resolvePeriod>[1]) => {
      try {
        resolvePeriod('week', command);
      } catch (e) {
        return (e as DomainError).errors;
      }
      return null;
    };
    expect(problem({ periodEnd: at('2025-03-01T00:00:00Z') })).toEqual({ periodStart: 'is required when periodEnd is given' });
    expect(problem({ periodStart: at('2025-03-02T00:00:00Z'), periodEnd: at('2025-03-01T00:00:00Z') })).toEqual({ periodEnd: 'must be after periodStart' });
    expect(problem({ periodStart: at('2024-01-01T00:00:00Z'), periodEnd: at('2025-03-01T00:00:00Z') })).toEqual({
      periodEnd: 'must be at most 366 days after periodStart',
    });
  });
});

describe('defaultSeed', () => {
  it('is the same for the same plan and period start, and differs for another period', () => {
    expect(defaultSeed('plan-1', at('2025-03-03T00:00:00Z'))).toBe(defaultSeed('plan-1', at('2025-03-03T00:00:00Z')));
    expect(defaultSeed('plan-1', at('2025-03-03T00:00:00Z'))).not.toBe(defaultSeed('plan-1', at('2025-03-10T00:00:00Z')));
  });
});
