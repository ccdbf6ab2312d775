import { agentScoreStatistics } from './agent-score-statistics';

const sut = agentScoreStatistics;
const options = { margin: 5, confidence: 0.95 };

describe('agentScoreStatistics', () => {
  it('gives the mean, a t interval and the evaluations still needed', () => {
    // mean 3, sd sqrt(2.5), t(0.975, 4) = 2.776445, margin 2.776445 · sqrt(2.5 / 5).
    const [result] = sut(new Map([['agent-a', [1, 2, 3, 4, 5]]]), { margin: 1, confidence: 0.95 });

    expect(result.agentId).toBe('agent-a');
    expect(result.evaluations).toBe(5);
    expect(result.mean).toBe(3);
    expect(result.interval!.margin).toBeCloseTo(2.776445 * Math.sqrt(0.5), 6);
    expect(result.interval!.low).toBeCloseTo(1.036757, 6);
    expect(result.interval!.high).toBeCloseTo(4.963243, 6);
    // Smallest n with t(0.975, n − 1) · sd / √n ≤ 1, sd = √2.5 = 1.581139, t from published tables:
    // n = 12: 2.200985 · 1.581139 / 3.464102 = 1.0046 (too wide); n = 13: 2.178813 · 1.581139 / 3.605551 = 0.9555.
    // So 13 in all, 8 more than the 5 there are.
    expect(result.additionalNeeded).toBe(8);
    expect(result.note).toBe('8 more evaluations for ±1 at 95% confidence, if scores vary as they have so far');
  });

  it('says when the margin is already reached', () => {
    const scores = Array.from({ length: 40 }, (_, i) => 80 + (i % 5));

    const [result] = sut(new Map([['agent-a', scores]]), options);

    expect(result.additionalNeeded).toBe(0);
    expect(result.interval!.margin).toBeLessThanOrEqual(5);
    expect(result.note).toBe('within ±5 at 95% confidence');
  });

  it('gives no interval for a single evaluation', () => {
    expect(sut(new Map([['agent-a', [72]]]), options)).toEqual([
      { agentId: 'agent-a', evaluations: 1, mean: 72, interval: null, additionalNeeded: null, note: 'one evaluation: no interval yet' },
    ]);
  });

  it('reports an agent without evaluations', () => {
    expect(sut(new Map([['agent-a', []]]), options)).toEqual([
      { agentId: 'agent-a', evaluations: 0, mean: null, interval: null, additionalNeeded: null, note: 'no evaluations yet' },
    ]);
  });

  it('explains a zero-width interval when every score is the same', () => {
    const [result] = sut(new Map([['agent-a', [90, 90, 90]]]), options);

    expect(result).toMatchObject({ mean: 90, interval: { low: 90, high: 90, margin: 0 }, additionalNeeded: 0 });
    expect(result.note).toMatch(/^no variation so far/);
  });

  it('sorts agents by id in code-unit order', () => {
    const scores = new Map([
      ['agent-b', [1, 2]],
      ['Agent-z', [3]],
      ['agent-a', []],
    ]);

    expect(sut(scores, options).map((row) => row.agentId)).toEqual(['Agent-z', 'agent-a', 'agent-b']);
  });

  it('uses the confidence asked for', () => {
    const scores = new Map([['agent-a', [78, 84, 91, 69, 88, 80]]]);

    const at90 = sut(scores, { margin: 5, confidence: 0.9 })[0];
    const at99 = sut(scores, { margin: 5, confidence: 0.99 })[0];

    expect(at99.interval!.margin).toBeGreaterThan(at90.interval!.margin);
    expect(at99.additionalNeeded!).toBeGreaterThan(at90.additionalNeeded!);
    expect(at90.note).toContain('at 90% confidence');
  });

  it('rejects a bad margin or confidence, even with no agent to compute', () => {
    expect(() => sut(new Map(), { margin: 0, confidence: 0.95 })).toThrow(RangeError);
    expect(() => sut(new Map(), { margin: 5, confidence: 95 })).toThrow(RangeError);
    expect(() => sut(new Map([['agent-a', [1, Number.NaN]]]), options)).toThrow(RangeError);
  });
});
