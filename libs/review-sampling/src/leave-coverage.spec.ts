import { agentsOnLeaveThroughout, dayNumber } from './leave-coverage';

const JAN_START = new Date('2025-01-01T00:00:00Z');
const FEB_START = new Date('2025-02-01T00:00:00Z');

describe('agentsOnLeaveThroughout', () => {
  it('leaves out an agent whose leave covers every day of the period', () => {
    expect(agentsOnLeaveThroughout([{ agentId: 'a', startsOn: '2024-12-20', endsOn: '2025-01-31' }], JAN_START, FEB_START)).toEqual(['a']);
  });

  it('keeps an agent away for part of the period', () => {
    expect(agentsOnLeaveThroughout([{ agentId: 'a', startsOn: '2025-01-01', endsOn: '2025-01-30' }], JAN_START, FEB_START)).toEqual([]);
    expect(agentsOnLeaveThroughout([{ agentId: 'a', startsOn: '2025-01-02', endsOn: '2025-01-31' }], JAN_START, FEB_START)).toEqual([]);
  });

  it('joins leaves that meet or overlap, but not ones with a working day between', () => {
    const meeting = [
      { agentId: 'a', startsOn: '2025-01-16', endsOn: '2025-02-10' },
      { agentId: 'a', startsOn: '2024-12-01', endsOn: '2025-01-15' },
    ];
    const gap = [
      { agentId: 'b', startsOn: '2025-01-01', endsOn: '2025-01-14' },
      { agentId: 'b', startsOn: '2025-01-16', endsOn: '2025-01-31' },
    ];
    expect(agentsOnLeaveThroughout([...meeting, ...gap], JAN_START, FEB_START)).toEqual(['a']);
  });

  it('treats the period end as exclusive and works on UTC days', () => {
    const day = agentsOnLeaveThroughout(
      [{ agentId: 'a', startsOn: '2025-01-06', endsOn: '2025-01-06' }],
      new Date('2025-01-06T00:00:00Z'),
      new Date('2025-01-07T00:00:00Z'),
    );
    expect(day).toEqual(['a']);
  });

  it('ignores leaves with impossible dates', () => {
    expect(
      agentsOnLeaveThroughout(
        [{ agentId: 'a', startsOn: '2025-02-30', endsOn: '2025-03-31' }],
        new Date('2025-03-01T00:00:00Z'),
        new Date('2025-03-02T00:00:00Z'),
      ),
    ).toEqual([]);
  });
});

describe('dayNumber', () => {
  it('reads YYYY-MM-DD and refuses anything else', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2025-02-29')).toBeNaN();
    expect(dayNumber('2025-1-5')).toBeNaN();
  });
});
