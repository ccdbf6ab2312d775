import { addWorkingMinutes, ComplaintSettings, complaintDeadlines, complaintSettingsIssues, DEFAULT_COMPLAINT_SETTINGS } from './complaint-deadlines';

/** Shanghai is UTC+8 all year: 09:00 local is 01:00Z. 2026-11-27 is a Friday. */
const shanghai: ComplaintSettings = DEFAULT_COMPLAINT_SETTINGS;
const at = (iso: string) => new Date(iso);
const due = (start: string, minutes: number, settings: Pick<ComplaintSettings, 'clock' | 'timeZone' | 'businessHours'> = shanghai) =>
  addWorkingMinutes(at(start), minutes, settings).toISOString();

describe('addWorkingMinutes in business hours (Mon-Fri 09:00-18:00, Asia/Shanghai)', () => {
  it('stops the clock over the weekend: Friday 17:00 + 4 h is Monday 12:00', () => {
    expect(due('2026-11-27T17:00:00+08:00', 240)).toBe('2026-11-30T04:00:00.000Z');
  });

  it('starts a complaint received on Saturday at Monday’s opening: + 1 h is Monday 10:00', () => {
    expect(due('2026-11-28T10:00:00+08:00', 60)).toBe('2026-11-30T02:00:00.000Z');
  });

  it('starts a complaint received before opening at the opening: 07:30 + 30 min is 09:30', () => {
    expect(due('2026-12-02T07:30:00+08:00', 30)).toBe('2026-12-02T01:30:00.000Z');
  });

  it('ends a deadline that fills the day exactly at closing time, not the next morning', () => {
    expect(due('2026-12-03T17:00:00+08:00', 60)).toBe('2026-12-03T10:00:00.000Z');
  });

  it('carries a complaint received after closing to the next working morning: Tuesday 19:00 + 1 h is Wednesday 10:00', () => {
    expect(due('2026-12-01T19:00:00+08:00', 60)).toBe('2026-12-02T02:00:00.000Z');
  });

  it('counts five working days as a week: Monday 10:00 + 45 h is the next Monday 10:00', () => {
    expect(due('2026-11-30T10:00:00+08:00', 5 * 9 * 60)).toBe('2026-12-07T02:00:00.000Z');
  });

  it('skips the company’s holidays: with Monday off, Friday 17:00 + 4 h is Tuesday 12:00', () => {
    const withHoliday = { ...shanghai, businessHours: { ...shanghai.businessHours, holidays: ['2026-11-30'] } };
    expect(due('2026-11-27T17:00:00+08:00', 240, withHoliday)).toBe('2026-12-01T04:00:00.000Z');
  });

  it('works in the company’s own time zone: Friday 17:30 in New York + 1 h is Monday 09:30 there', () => {
    const newYork = { ...shanghai, timeZone: 'America/New_York' };
    expect(due('2026-11-27T22:30:00Z', 60, newYork)).toBe('2026-11-30T14:30:00.000Z');
  });

  it('follows a daylight-saving change: London Saturday 16:00 + 2 h over the March change is Sunday 10:00 BST', () => {
    const london = { ...shanghai, timeZone: 'Europe/London', businessHours: { days: [0, 1, 2, 3, 4, 5, 6], start: '09:00', end: '17:00', holidays: [] } };
    expect(due('2026-03-28T16:00:00Z', 120, london)).toBe('2026-03-29T09:00:00.000Z');
  });
});

describe('addWorkingMinutes in calendar hours', () => {
  it('counts every hour: Friday 17:00 + 4 h is Friday 21:00', () => {
    expect(due('2026-11-27T17:00:00+08:00', 240, { ...shanghai, clock: 'calendar' })).toBe('2026-11-27T13:00:00.000Z');
  });
});

describe('complaintDeadlines', () => {
  it('gives a critical complaint received Friday 17:30 its first response by 09:30 Monday and resolution by 17:30 Monday', () => {
    const deadlines = complaintDeadlines(at('2026-11-27T17:30:00+08:00'), 'critical', shanghai);
    expect(deadlines.first_response.toISOString()).toBe('2026-11-30T01:30:00.000Z');
    expect(deadlines.resolution.toISOString()).toBe('2026-11-30T09:30:00.000Z');
  });
});

describe('complaintSettingsIssues', () => {
  it('accepts the defaults', () => {
    expect(complaintSettingsIssues(DEFAULT_COMPLAINT_SETTINGS)).toEqual([]);
  });

  it('names every bad field', () => {
    const bad = {
      clock: 'sometimes',
      timeZone: 'Mars/Olympus',
      businessHours: { days: [1, 1, 9], start: '18:00', end: '09:00', holidays: ['next monday'] },
      deadlines: {
        ...DEFAULT_COMPLAINT_SETTINGS.deadlines,
        high: { firstResponseMinutes: 0, resolutionMinutes: 60 },
        low: { firstResponseMinutes: 120, resolutionMinutes: 60 },
      },
      reopenWindowHours: -1,
      disputeResolutionHours: 0,
    } as unknown as ComplaintSettings;
    expect(complaintSettingsIssues(bad)).toEqual([
      { field: 'clock', problem: 'must be business or calendar' },
      { field: 'timeZone', problem: 'is not a time zone name (e.g. Asia/Shanghai)' },
      { field: 'businessHours.days', problem: 'must be distinct weekdays 0 (Sunday) to 6 (Saturday), at least one' },
      { field: 'businessHours.end', problem: 'must be after businessHours.start' },
      { field: 'businessHours.holidays[0]', problem: 'must be a date YYYY-MM-DD' },
      { field: 'deadlines.low.resolutionMinutes', problem: 'must not be shorter than firstResponseMinutes' },
      { field: 'deadlines.high.firstResponseMinutes', problem: 'must be a whole number of minutes from 1 to 525600' },
      { field: 'reopenWindowHours', problem: 'must be a whole number of hours from 0 to 8760' },
      { field: 'disputeResolutionHours', problem: 'must be a whole number of hours from 1 to 8760' },
    ]);
  });
});
