/** A per-cell problem of the report: the row as Excel numbers it, the column's header. */
export interface CellProblem {
  sheet?: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}
