import { coord, escapeXml, svgDocument } from './svg';

export interface Bar {
  label: string;
  /** 0..max */
  value: number;
  /** Shown after the value, e.g. "12 of 15". */
  note?: string;
}

export interface BarChartOptions {
  title: string;
  bars: readonly Bar[];
  max: number;
  /** How a value is written at the end of its bar. */
  format?: (value: number) => string;
  /** Bars below this are drawn in the warning colour (e.g. agreement under 80 %). */
  warnBelow?: number;
}

const LABEL_WIDTH = 260;
const BAR_AREA = 360;
const ROW = 26;
const TOP = 44;

/** Horizontal bars, one row per item, in the order given; a dashed line marks `warnBelow`. */
export function barChart(options: BarChartOptions): string {
  const format = options.format ?? ((v: number) => String(v));
  const width = LABEL_WIDTH + BAR_AREA + 160;
  const height = TOP + Math.max(options.bars.length, 1) * ROW + 16;
  const scale = (v: number) => (options.max > 0 ? (Math.min(Math.max(v, 0), options.max) / options.max) * BAR_AREA : 0);
  const body = options.bars.map((bar, i) => {
    const y = TOP + i * ROW;
    const warn = options.warnBelow !== undefined && bar.value < options.warnBelow;
    const text = `${format(bar.value)}${bar.note ? ` (${bar.note})` : ''}`;
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect class="bar" x="${LABEL_WIDTH}" y="${y + 3}" width="${coord(scale(bar.value))}" height="${ROW - 8}" fill="${warn ? '#d9534f' : '#3b7dd8'}"/>`,
      `<text x="${coord(LABEL_WIDTH + scale(bar.value) + 6)}" y="${y + 15}">${escapeXml(text)}</text>`,
    ].join('');
  });
  if (options.bars.length === 0) body.push(`<text x="16" y="${TOP + 15}" fill="#666">No data for this period</text>`);
  if (options.warnBelow !== undefined && options.bars.length > 0) {
    const x = coord(LABEL_WIDTH + scale(options.warnBelow));
    // Drawn first, so bars and their labels sit on top of the line.
    body.unshift(
      `<line x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${height - 16}" stroke="#bbb" stroke-dasharray="4 3"/>`,
      `<text x="${x}" y="${TOP - 6}" text-anchor="middle" fill="#888" font-size="10">${escapeXml(format(options.warnBelow))}</text>`,
    );
  }
  return svgDocument(width, height, options.title, body);
}
