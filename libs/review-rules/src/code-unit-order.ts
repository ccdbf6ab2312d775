/** Compares strings by UTF-16 code units, like the default sort: the same everywhere, unlike localeCompare. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
