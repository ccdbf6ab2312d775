export interface TableColumn {
  header: string;
  /** Numbers read best right-aligned; text left-aligned (the default). */
  align?: 'left' | 'right';
}

/** A plain-text table with aligned columns, a rule under the header, and no trailing spaces. */
export function renderTable(columns: TableColumn[], rows: string[][]): string {
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    columns
      .map((column, i) => (column.align === 'right' ? (cells[i] ?? '').padStart(widths[i]) : (cells[i] ?? '').padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A number with fixed decimals, or a dash when there is nothing to show. */
export function fixed(value: number | undefined, decimals = 1): string {
  return value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(decimals);
}
