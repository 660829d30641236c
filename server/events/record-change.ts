/** Where a change came from; automations use it (and `depth`) to avoid loops. */
export const CHANGE_ORIGINS = ['user', 'api', 'import', 'automation', 'formula', 'form', 'schema'] as const;
export type ChangeOrigin = (typeof CHANGE_ORIGINS)[number];

/** Field values keyed by field id, in the API's JSON shape. */
export type FieldValues = Record<string, unknown>;

/**
 * One committed change to one record: the closed union every consumer of the write path
 * (collab channel, computed fields, automations, webhooks) receives after commit.
 */
export type RecordChange =
  | { action: 'created'; recordId: number; version: number; values: FieldValues }
  | { action: 'updated'; recordId: number; version: number; before: FieldValues; after: FieldValues }
  | { action: 'deleted'; recordId: number; before: FieldValues };

/** A committed batch: one transaction of the write path. */
export interface RecordBatchCommitted {
  baseId: string;
  tableId: string;
  actorId: string | null;
  origin: ChangeOrigin;
  /** 0 for people; automations add 1 for each hop. */
  depth: number;
  at: string;
  changes: RecordChange[];
}

/** Schema changes (tables, fields, views) other layers must hear about. */
export interface SchemaChanged {
  baseId: string;
  tableId: string;
  kind: 'table' | 'field' | 'view';
  action: 'created' | 'updated' | 'deleted';
  id: string;
}
