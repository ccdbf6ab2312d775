/** One page of a list, as every list endpoint answers. */
export interface Page<T> {
  items: T[];
  /** How many items the whole list has. */
  total: number;
  page: number;
  pageSize: number;
}
