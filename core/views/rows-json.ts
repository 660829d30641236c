import type { SummaryAggregate } from './summary.ts';

// The JSON the grid's and the boards' read endpoints send (API.md: GET …/rows, …/summary,
// …/stacks): one definition for the server that writes it and the browser that reads it.

/** A record as a grid row or a card: its values keyed by field id. */
export interface RowJson<Values = Record<string, unknown>> {
  id: string;
  version: number;
  values: Values;
}

/** A grouped view's header row: the group's value at its level, its size and its sums. */
export interface GroupHeader {
  id: string;
  depth: number;
  fieldId: string;
  value: unknown;
  count: number;
  /** Sum per number field of the group's records; null when every one is empty. */
  sums: Record<string, number | null>;
  collapsed: boolean;
}

/** GET …/summary: each field's chosen aggregate over the view's rows. */
export interface SummaryData {
  /** Records in the view (after filter and search). */
  records: number;
  /** Per field id: the aggregate and its value (numbers; dates in their stored shape). */
  values: Record<string, { aggregate: SummaryAggregate; value: number | string | null }>;
}

/** One kanban stack: a value of the stack field with its count and sum. */
export interface StackJson<Card = RowJson> {
  key: string;
  /** The choice name or user id; null for the "(empty)" stack. */
  value: string | null;
  /** False for a value that is no longer a choice or member (still shown, so no card hides). */
  known: boolean;
  count: number;
  sum: number | null;
  /** The first cards, when asked for. */
  cards?: Card[];
}

/** GET …/stacks. */
export interface StacksJson<Card = RowJson> {
  stackField: string;
  sumField: string | null;
  total: number;
  stacks: Array<StackJson<Card>>;
}
