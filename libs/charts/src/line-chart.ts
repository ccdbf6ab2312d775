import { coord, escapeXml, svgDocument } from './svg';

export interface LineSeries {
  label: string;
  points: readonly (readonly [number, number])[];
  /** A fitted line y = intercept + slope·x, drawn dashed over the data's x range. */
  trend?: { slope: number; intercept: number };
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
  format?: (value: number) => string;
}

const LEFT = 70;
const PLOT_WIDTH = 560;
const PLOT_HEIGHT = 240;
const TOP = 44;
const COLOURS = ['#3b7dd8', '#d9534f', '#5cb85c', '#f0ad4e'];

/** Values over a shared x axis (e.g. time), one line per series, each with an optional dashed trend. */
export function lineChart(options: LineChartOptions): string {
  const format = options.format ?? ((v: number) => String(Math.round(v * 100) / 100));
  const all = options.series.flatMap((s) => s.points);
  const width = LEFT + PLOT_WIDTH + 30;
  const legendTop = TOP + PLOT_HEIGHT + 40;
  const height = legendTop + options.series.length * 18 + 10;
  if (all.length === 0) return svgDocument(width, height, options.title, [`<text x="16" y="${TOP + 15}" fill="#666">No data</text>`]);

  const [minX, maxX] = [Math.min(...all.map(([x]) => x)), Math.max(...all.map(([x]) => x))];
  const lowY = Math.min(0, ...all.map(([, y]) => y));
  const highY = Math.max(...all.map(([, y]) => y)) || 1;
  const x = (v: number) => LEFT + (maxX > minX ? ((v - minX) / (maxX - minX)) * PLOT_WIDTH : PLOT_WIDTH / 2);
  const y = (v: number) => TOP + PLOT_HEIGHT - ((v - lowY) / (highY - lowY || 1)) * PLOT_HEIGHT;

  const body: string[] = [
    `<line x1="${LEFT}" y1="${TOP + PLOT_HEIGHT}" x2="${LEFT + PLOT_WIDTH}" y2="${TOP + PLOT_HEIGHT}" stroke="#999"/>`,
    `<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${TOP + PLOT_HEIGHT}" stroke="#999"/>`,
    `<text x="${LEFT - 6}" y="${TOP + 4}" text-anchor="end" font-size="10">${escapeXml(format(highY))}</text>`,
    `<text x="${LEFT - 6}" y="${TOP + PLOT_HEIGHT}" text-anchor="end" font-size="10">${escapeXml(format(lowY))}</text>`,
    `<text x="${LEFT}" y="${TOP + PLOT_HEIGHT + 16}" font-size="10">${escapeXml(format(minX))}</text>`,
    `<text x="${LEFT + PLOT_WIDTH}" y="${TOP + PLOT_HEIGHT + 16}" text-anchor="end" font-size="10">${escapeXml(format(maxX))}</text>`,
    `<text x="${LEFT + PLOT_WIDTH / 2}" y="${TOP + PLOT_HEIGHT + 30}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text x="14" y="${TOP + PLOT_HEIGHT / 2}" transform="rotate(-90 14 ${TOP + PLOT_HEIGHT / 2})" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
  ];
  options.series.forEach((series, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const path = series.points.map(([px, py]) => `${coord(x(px))},${coord(y(py))}`).join(' ');
    body.push(`<polyline class="series" fill="none" stroke="${colour}" stroke-width="1.5" points="${path}"/>`);
    if (series.trend) {
      const at = (v: number) => series.trend!.intercept + series.trend!.slope * v;
      body.push(
        `<line class="trend" x1="${coord(x(minX))}" y1="${coord(y(at(minX)))}" x2="${coord(x(maxX))}" y2="${coord(y(at(maxX)))}" stroke="${colour}" stroke-dasharray="5 4"/>`,
      );
    }
    const ly = legendTop + i * 18;
    body.push(
      `<rect x="${LEFT}" y="${ly - 9}" width="12" height="4" fill="${colour}"/>`,
      `<text x="${LEFT + 18}" y="${ly - 4}">${escapeXml(series.label)}</text>`,
    );
  });
  return svgDocument(width, height, options.title, body);
}
