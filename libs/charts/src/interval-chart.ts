import { coord, escapeXml, svgDocument } from './svg';

export interface IntervalRow {
  label: string;
  /** Null when there is nothing to plot yet; the row says why. */
  mean: number | null;
  low?: number | null;
  high?: number | null;
  note?: string;
}

export interface IntervalChartOptions {
  title: string;
  rows: readonly IntervalRow[];
  min: number;
  max: number;
  format?: (value: number) => string;
}

const LABEL_WIDTH = 220;
const PLOT = 400;
const ROW = 26;
const TOP = 52;

/** A dot per row at its mean with a whisker from low to high: how sure we are of each estimate. */
export function intervalChart(options: IntervalChartOptions): string {
  const format = options.format ?? ((v: number) => String(v));
  const width = LABEL_WIDTH + PLOT + 260;
  const height = TOP + Math.max(options.rows.length, 1) * ROW + 16;
  const span = options.max - options.min || 1;
  const x = (v: number) => LABEL_WIDTH + ((Math.min(Math.max(v, options.min), options.max) - options.min) / span) * PLOT;
  const body: string[] = [
    `<line x1="${LABEL_WIDTH}" y1="${TOP - 6}" x2="${LABEL_WIDTH + PLOT}" y2="${TOP - 6}" stroke="#999"/>`,
    `<text x="${LABEL_WIDTH}" y="${TOP - 10}" text-anchor="middle" fill="#666">${escapeXml(format(options.min))}</text>`,
    `<text x="${LABEL_WIDTH + PLOT}" y="${TOP - 10}" text-anchor="middle" fill="#666">${escapeXml(format(options.max))}</text>`,
  ];
  options.rows.forEach((row, i) => {
    const y = TOP + i * ROW + 13;
    body.push(`<text x="${LABEL_WIDTH - 8}" y="${y + 4}" text-anchor="end">${escapeXml(row.label)}</text>`);
    if (row.low != null && row.high != null) {
      body.push(`<line class="interval" x1="${coord(x(row.low))}" y1="${y}" x2="${coord(x(row.high))}" y2="${y}" stroke="#3b7dd8" stroke-width="3"/>`);
    }
    if (row.mean != null) body.push(`<circle class="mean" cx="${coord(x(row.mean))}" cy="${y}" r="5" fill="#1d4f91"/>`);
    const text = [row.mean != null ? format(row.mean) : null, row.note].filter(Boolean).join(' · ');
    body.push(`<text x="${LABEL_WIDTH + PLOT + 12}" y="${y + 4}" fill="#333">${escapeXml(text)}</text>`);
  });
  if (options.rows.length === 0) body.push(`<text x="16" y="${TOP + 15}" fill="#666">No data for this period</text>`);
  return svgDocument(width, height, options.title, body);
}
