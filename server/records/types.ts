import type { Actor } from '../auth/actor.ts';
import type { ChangeOrigin, FieldValues } from '../events/index.ts';

/** A record as stored: system columns and its field values keyed by field id. */
export interface StoredRecord {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  values: FieldValues;
}

/** One batch for the write path: raw input values keyed by field id. */
export interface WriteBatch {
  tableId: string;
  creates?: FieldValues[];
  updates?: Array<{ id: number; values: FieldValues }>;
  deletes?: number[];
}

export interface WriteOptions {
  /** The person or token behind the change; omitted only for trusted server work. */
  actor?: Actor;
  /**
   * Without an actor: the user id recorded as the change's author (created/updated by,
   * history). A signed-in form submitter needs no edit rights, so no actor is checked.
   */
  author?: string;
  origin: ChangeOrigin;
  /** Lenient coercion, as paste and import do (API `typecast: true`). */
  typecast: boolean;
  /** Automation hops that led here. */
  depth?: number;
}

export interface WriteResult {
  created: StoredRecord[];
  updated: StoredRecord[];
  deleted: number[];
}

/** A per-cell problem; a batch with any is refused whole. */
export interface CellError {
  /** Index in the batch's creates or updates. */
  index: number;
  recordId?: string;
  field: string;
  fieldId: string;
  value: unknown;
  message: string;
}
