import fc from 'fast-check';
import { ChronologicalSorter } from './chronological.sorter';

const sortedPositions = (times: number[], ids: string[], origin = 0) => {
  const sut = new ChronologicalSorter(times.length, origin);
  const order = new Int32Array(times.length);
  sut.sort(order, 0, Float64Array.from(times), (position) => ids[position]);
  return [...order];
};

describe('ChronologicalSorter', () => {
  it('orders positions by start time', () => {
    expect(sortedPositions([30, 10, 20], ['a', 'b', 'c'])).toEqual([1, 2, 0]);
  });

  it('breaks ties on start time by call id', () => {
    expect(sortedPositions([5, 5, 1, 5], ['z', 'b', 'q', 'm'])).toEqual([2, 1, 3, 0]);
  });

  it('handles fractional milliseconds by falling back to a comparator', () => {
    expect(sortedPositions([2.5, 1.25, 2.5], ['b', 'x', 'a'])).toEqual([1, 2, 0]);
  });

  it('agrees with a plain comparator sort for any times and ids, packed or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ time: fc.integer({ min: 0, max: 50 }), id: fc.string({ maxLength: 3 }) }), { maxLength: 80 }),
        fc.constantFrom(0, 2 ** 40, 2 ** 50),
        (calls, offset) => {
          const times = calls.map((call) => call.time + offset);
          const ids = calls.map((call) => call.id);
          const expected = calls.map((_, position) => position).sort((a, b) => times[a] - times[b] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));

          const positions = sortedPositions(times, ids);

          expect(positions.map((p) => [times[p], ids[p]])).toEqual(expected.map((p) => [times[p], ids[p]]));
        },
      ),
    );
  });
});
