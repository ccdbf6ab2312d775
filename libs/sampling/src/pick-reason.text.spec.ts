import { describeAssignmentReason, formatDuration, formatRange } from './pick-reason.text';

const at = (iso: string) => Date.parse(iso);

describe('describeAssignmentReason', () => {
  it('names the stratum of a random pick, counting from 1, with its days', () => {
    const reason = { kind: 'random', stratum: 2, strata: 8, stratumStart: at('2025-01-08T18:00:00Z'), stratumEnd: at('2025-01-12T15:00:00Z') };
    expect(describeAssignmentReason(reason)).toBe('Random pick: stratum 3 of 8 (8–12 Jan)');
  });

  it('says which empty stratum a random pick stands in for', () => {
    const reason = {
      kind: 'random',
      stratum: 4,
      strata: 8,
      stratumStart: at('2025-01-16T12:00:00Z'),
      stratumEnd: at('2025-01-20T09:00:00Z'),
      filledForStratum: 3,
    };
    expect(describeAssignmentReason(reason)).toBe('Random pick: stratum 5 of 8 (16–20 Jan), standing in for stratum 4, which had no eligible call');
  });

  it('gives times for strata shorter than a day', () => {
    const reason = { kind: 'random', stratum: 1, strata: 8, stratumStart: at('2025-03-04T03:00:00Z'), stratumEnd: at('2025-03-04T06:00:00Z') };
    expect(describeAssignmentReason(reason)).toBe('Random pick: stratum 2 of 8 (4 Mar 03:00–06:00 UTC)');
  });

  it('explains each kind of rule by what about the call matched', () => {
    const rule = (ruleId: string, ruleKind: string, detail: object) => ({ kind: 'rule', ruleId, ruleKind, detail });
    expect(describeAssignmentReason(rule('low-auto-score', 'auto_score_below', { autoScore: 31, threshold: 40 }))).toBe(
      'Rule low-auto-score: auto-score 31 below 40',
    );
    expect(describeAssignmentReason(rule('critical', 'critical_auto_failure', {}))).toBe('Rule critical: auto-scoring found a critical failure');
    expect(describeAssignmentReason(rule('complaint', 'linked_complaint', {}))).toBe('Rule complaint: a customer complaint is linked to the call');
    expect(describeAssignmentReason(rule('unhappy', 'low_csat', { csat: 1, threshold: 2 }))).toBe('Rule unhappy: CSAT 1, at or below 2');
    expect(describeAssignmentReason(rule('long', 'long_call', { durationSec: 750, minDurationSec: 600 }))).toBe(
      'Rule long: call lasted 12 min 30 s, at least 10 min',
    );
    expect(
      describeAssignmentReason(rule('long', 'long_call', { durationSec: 1205, percentileOfAgent: 95, agentPercentileSec: 842, agentEligibleCalls: 120 })),
    ).toBe("Rule long: call lasted 20 min 5 s, longer than the agent's 95th percentile (14 min 2 s over 120 calls)");
  });

  it('rounds scores to two decimals', () => {
    expect(describeAssignmentReason({ kind: 'rule', ruleId: 'low', ruleKind: 'auto_score_below', detail: { autoScore: 31.456, threshold: 40 } })).toBe(
      'Rule low: auto-score 31.46 below 40',
    );
  });

  it('lists the other rules the call also matched', () => {
    const reason = { kind: 'random', stratum: 0, strata: 4, stratumStart: at('2025-02-01T00:00:00Z'), stratumEnd: at('2025-02-08T00:00:00Z') };
    const also = [{ ruleId: 'unhappy', ruleKind: 'low_csat', detail: { csat: 1, threshold: 2 } }];
    expect(describeAssignmentReason(reason, also)).toBe('Random pick: stratum 1 of 4 (1–7 Feb); also matches rule unhappy: CSAT 1, at or below 2');
  });

  it('describes assignments added by hand, and reasons it does not know without failing', () => {
    expect(describeAssignmentReason({ kind: 'manual', note: ' escalated by the client ' })).toBe('Added by hand: escalated by the client');
    expect(describeAssignmentReason({ kind: 'manual' })).toBe('Added by hand');
    expect(describeAssignmentReason({ kind: 'mystery' })).toBe('Picked (reason not understood)');
    expect(describeAssignmentReason(null)).toBe('Picked (no reason recorded)');
  });
});

describe('formatRange', () => {
  it('shows one day alone, and months or years when the range crosses them', () => {
    expect(formatRange(at('2025-01-08T00:00:00Z'), at('2025-01-09T00:00:00Z'))).toBe('8 Jan');
    expect(formatRange(at('2025-01-29T00:00:00Z'), at('2025-02-03T00:00:00Z'))).toBe('29 Jan–2 Feb');
    expect(formatRange(at('2024-12-30T00:00:00Z'), at('2025-01-03T00:00:00Z'))).toBe('30 Dec 2024–2 Jan 2025');
  });

  it('shows a sub-day range that ends at midnight on its start day', () => {
    expect(formatRange(at('2025-01-08T21:00:00Z'), at('2025-01-09T00:00:00Z'))).toBe('8 Jan 21:00–00:00 UTC');
  });
});

describe('formatDuration', () => {
  it('uses seconds, minutes and hours as fits', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(3720)).toBe('1 h 2 min');
    expect(formatDuration(7200)).toBe('2 h');
  });
});
