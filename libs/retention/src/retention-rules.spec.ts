import { duePurges, kindsDue, latestDueStart, parseRetentionPolicy, RetainedKind, RetentionCandidate, RetentionPolicy } from './retention-rules';

const NOW = new Date('2026-12-01T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const aCandidate = (overrides: Partial<RetentionCandidate> = {}): RetentionCandidate => ({
  recordingId: 'r1',
  startedAt: daysAgo(100),
  legalHold: false,
  processing: false,
  purged: new Set<RetainedKind>(),
  ...overrides,
});
const policy: RetentionPolicy = { audioDays: 90, transcriptDays: 180, scoreDays: null };

describe('kindsDue', () => {
  it('deletes audio once it is older than its days, and keeps what has more time or no limit', () => {
    expect(kindsDue(aCandidate(), policy, NOW)).toEqual(['audio']);
    expect(kindsDue(aCandidate({ startedAt: daysAgo(200) }), policy, NOW)).toEqual(['audio', 'transcript']);
  });

  it('counts a call exactly at the limit as due, and one a millisecond younger as not', () => {
    expect(kindsDue(aCandidate({ startedAt: daysAgo(90) }), policy, NOW)).toEqual(['audio']);
    expect(kindsDue(aCandidate({ startedAt: new Date(daysAgo(90).getTime() + 1) }), policy, NOW)).toEqual([]);
  });

  it('deletes nothing on legal hold or while the call is still processing', () => {
    expect(kindsDue(aCandidate({ startedAt: daysAgo(999), legalHold: true }), policy, NOW)).toEqual([]);
    expect(kindsDue(aCandidate({ startedAt: daysAgo(999), processing: true }), policy, NOW)).toEqual([]);
  });

  it('does not purge a kind twice', () => {
    expect(kindsDue(aCandidate({ startedAt: daysAgo(200), purged: new Set<RetainedKind>(['audio']) }), policy, NOW)).toEqual(['transcript']);
  });
});

describe('duePurges', () => {
  it('lists only the recordings with something due, in order', () => {
    const due = duePurges(
      [
        aCandidate({ recordingId: 'young', startedAt: daysAgo(5) }),
        aCandidate({ recordingId: 'old' }),
        aCandidate({ recordingId: 'older', startedAt: daysAgo(181) }),
      ],
      policy,
      NOW,
    );
    expect(due).toEqual([
      { recordingId: 'old', kinds: ['audio'] },
      { recordingId: 'older', kinds: ['audio', 'transcript'] },
    ]);
  });
});

describe('latestDueStart', () => {
  it('is the shortest limit back from now, or null when everything is kept', () => {
    expect(latestDueStart(policy, NOW)).toEqual(daysAgo(90));
    expect(latestDueStart({ audioDays: null, transcriptDays: null, scoreDays: null }, NOW)).toBeNull();
  });
});

describe('parseRetentionPolicy', () => {
  it('accepts whole days and null', () => {
    expect(parseRetentionPolicy({ audioDays: 30, transcriptDays: null, scoreDays: 730 })).toEqual({
      ok: true,
      policy: { audioDays: 30, transcriptDays: null, scoreDays: 730 },
    });
  });

  it('names each bad or unknown field once', () => {
    const result = parseRetentionPolicy({ audioDays: 0, transcriptDays: 1.5, scoreDays: '30', videoDays: 3 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field).sort()).toEqual(['audioDays', 'scoreDays', 'transcriptDays', 'videoDays']);
  });

  it('refuses what is not an object', () => {
    expect(parseRetentionPolicy([])).toMatchObject({ ok: false, issues: [{ field: 'policy' }] });
  });
});
