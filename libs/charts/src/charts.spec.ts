import { barChart } from './bar-chart';
import { intervalChart } from './interval-chart';
import { lineChart } from './line-chart';

const widths = (svg: string) => [...svg.matchAll(/class="bar"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('bar chart', () => {
  it('draws one bar per item, proportional to its value', () => {
    const sut = barChart({
      title: 'Agreement',
      max: 1,
      bars: [
        { label: 'a', value: 1 },
        { label: 'b', value: 0.5 },
        { label: 'c', value: 0 },
      ],
    });
    expect(widths(sut)).toEqual([360, 180, 0]);
    expect(sut.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(sut).toContain('<title>Agreement</title>');
  });

  it('keeps bars inside the plot for values out of range', () => {
    expect(
      widths(
        barChart({
          title: 't',
          max: 100,
          bars: [
            { label: 'over', value: 150 },
            { label: 'under', value: -5 },
          ],
        }),
      ),
    ).toEqual([360, 0]);
  });

  it('escapes labels, which come from users', () => {
    const sut = barChart({ title: 'A & B', max: 1, bars: [{ label: '<script>alert("x")</script>', value: 1, note: "it's" }] });
    expect(sut).not.toContain('<script>');
    expect(sut).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(sut).toContain('A &amp; B');
    expect(sut).toContain('it&#39;s');
  });

  it('marks bars under the warning line', () => {
    const sut = barChart({
      title: 't',
      max: 1,
      warnBelow: 0.8,
      bars: [
        { label: 'trusted', value: 0.9 },
        { label: 'doubtful', value: 0.5 },
      ],
    });
    expect([...sut.matchAll(/fill="(#[0-9a-f]+)"\/>/g)].map((m) => m[1]).filter((c) => c !== '#ffffff')).toEqual(['#3b7dd8', '#d9534f']);
    expect(sut).toContain('stroke-dasharray');
  });

  it('says so when there is nothing to draw', () => {
    expect(barChart({ title: 't', max: 1, bars: [] })).toContain('No data for this period');
  });
});

describe('interval chart', () => {
  it('places the mean and the whisker on the scale', () => {
    const sut = intervalChart({ title: 'Scores', min: 0, max: 100, rows: [{ label: 'Ann', mean: 50, low: 25, high: 75 }] });
    expect(sut).toMatch(/class="interval" x1="320" y1="[\d.]+" x2="520"/);
    expect(sut).toMatch(/class="mean" cx="420"/);
  });

  it('draws a row without an estimate as its label and note only', () => {
    const sut = intervalChart({ title: 'Scores', min: 0, max: 100, rows: [{ label: 'New agent', mean: null, note: 'no evaluations yet' }] });
    expect(sut).not.toContain('class="mean"');
    expect(sut).not.toContain('class="interval"');
    expect(sut).toContain('no evaluations yet');
  });
});

describe('lineChart', () => {
  it('draws one line per series through every point, a dashed trend, and escapes labels', () => {
    const svg = lineChart({
      title: 'RSS <soak>',
      xLabel: 'minutes',
      yLabel: 'MB',
      series: [
        {
          label: 'platform RSS',
          points: [
            [0, 100],
            [1, 110],
            [2, 120],
          ],
          trend: { slope: 10, intercept: 100 },
        },
        {
          label: 'fds',
          points: [
            [0, 20],
            [2, 20],
          ],
        },
      ],
    });
    expect(svg).toContain('<title>RSS &lt;soak&gt;</title>');
    const lines = [...svg.matchAll(/<polyline class="series"[^>]* points="([^"]+)"/g)].map((m) => m[1].split(' ').length);
    expect(lines).toEqual([3, 2]);
    const [trend] = [...svg.matchAll(/<line class="trend" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/g)];
    // The trend runs from (0, 100) to (2, 120): the same ends as the data it fits.
    const [first, last] = [svg.match(/points="([\d.]+),([\d.]+) /)!, svg.match(/ ([\d.]+),([\d.]+)"\/>/)!];
    expect([trend[1], trend[2]]).toEqual([first[1], first[2]]);
    expect([trend[3], trend[4]]).toEqual([last[1], last[2]]);
  });

  it('says so when there is no data', () => {
    expect(lineChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [] })).toContain('No data');
  });
});
