/** A share of a whole, to four decimals; null when there is nothing to share. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

export interface DurationFigures {
  /** How many complaints the figures are over. */
  count: number;
  /** Minutes, to one decimal; null when count is 0. */
  median: number | null;
  p90: number | null;
}

export interface CountRow {
  key: string;
  labelEn: string;
  labelZh: string;
  count: number;
}

export interface ComplaintReport {
  from: string;
  to: string;
  total: number;
  breached: number;
  breachRate: number | null;
  resolved: number;
  upheld: number;
  partlyUpheld: number;
  notUpheld: number;
  /** Upheld or partly upheld, of those resolved with an outcome. */
  upheldRate: number | null;
  timeToFirstResponse: DurationFigures;
  timeToResolution: DurationFigures;
  byCategory: CountRow[];
  byTeam: CountRow[];
  byAgent: CountRow[];
  bySeverity: CountRow[];
  repeatComplainants: { customers: number; complaints: number; top: CountRow[] };
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when needed, and a leading = + - @ defused so a spreadsheet shows it as text. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

export const COMPLAINT_REPORT_CSV_HEADER = ['section', 'key', 'label_en', 'label_zh', 'value'] as const;

/** The report as CSV rows, figure for figure: every number in the JSON is one row. */
export function complaintReportCsv(report: ComplaintReport): string {
  const rows: (string | number | null)[][] = [[...COMPLAINT_REPORT_CSV_HEADER]];
  const figure = (key: string, en: string, zh: string, value: number | null) => rows.push(['summary', key, en, zh, value]);
  figure('total', 'Complaints', '投诉数', report.total);
  figure('breached', 'Deadlines missed', '超时投诉数', report.breached);
  figure('breachRate', 'Breach rate', '超时率', report.breachRate);
  figure('resolved', 'Resolved', '已解决', report.resolved);
  figure('upheld', 'Upheld', '成立', report.upheld);
  figure('partlyUpheld', 'Partly upheld', '部分成立', report.partlyUpheld);
  figure('notUpheld', 'Not upheld', '不成立', report.notUpheld);
  figure('upheldRate', 'Upheld rate', '成立率', report.upheldRate);
  for (const [key, d, en, zh] of [
    ['timeToFirstResponse', report.timeToFirstResponse, 'first response', '首次响应'],
    ['timeToResolution', report.timeToResolution, 'resolution', '解决'],
  ] as const) {
    figure(`${key}.count`, `Complaints with a ${en}`, `有${zh}的投诉数`, d.count);
    figure(`${key}.median`, `Median minutes to ${en}`, `${zh}时间中位数（分钟）`, d.median);
    figure(`${key}.p90`, `90th percentile minutes to ${en}`, `${zh}时间第90百分位（分钟）`, d.p90);
  }
  const section = (name: string, list: CountRow[]) => list.forEach((r) => rows.push([name, r.key, r.labelEn, r.labelZh, r.count]));
  section('category', report.byCategory);
  section('team', report.byTeam);
  section('agent', report.byAgent);
  section('severity', report.bySeverity);
  rows.push(['repeatComplainants', 'customers', 'Customers who complained more than once', '多次投诉的客户数', report.repeatComplainants.customers]);
  rows.push(['repeatComplainants', 'complaints', 'Their complaints', '他们的投诉数', report.repeatComplainants.complaints]);
  section('repeatComplainant', report.repeatComplainants.top);
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
