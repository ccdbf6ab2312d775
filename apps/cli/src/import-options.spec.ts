import { parseImportArgs } from './import-options';

describe('parseImportArgs', () => {
  it('resolves paths from the directory the command was typed in, with a concurrency of 2 by default', () => {
    expect(parseImportArgs(['--dir', 'calls', '--csv', '/data/calls.csv', '--report', 'out.json'], '/home/qa')).toEqual({
      dir: '/home/qa/calls',
      csv: '/data/calls.csv',
      report: '/home/qa/out.json',
      as: undefined,
      concurrency: 2,
    });
  });

  it('reads --as and --concurrency', () => {
    expect(parseImportArgs(['--dir', 'd', '--csv', 'c', '--as', 'qa@example.com', '--concurrency', '4'], '/')).toMatchObject({
      as: 'qa@example.com',
      concurrency: 4,
    });
  });

  it('answers help', () => {
    expect(parseImportArgs(['--help'], '/')).toBe('help');
  });

  it.each([
    [[], /--dir and --csv are required/],
    [['--dir', 'd'], /--csv is required/],
    [['--dir', 'd', '--csv', ''], /--csv needs a value/],
    [['--dir', 'd', '--csv', 'c', '--concurrency', '0'], /--concurrency must be a whole number from 1 to 16, not 0/],
    [['--dir', 'd', '--csv', 'c', '--concurrency', '2.5'], /--concurrency must be a whole number/],
    [['--dir', 'd', '--csv', 'c', '--colour', 'blue'], /Unknown option '--colour'/],
    [['--dir', 'd', '--csv', 'c', 'extra'], /Unexpected argument 'extra'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseImportArgs(argv, '/')).toThrow(message);
  });
});
