import type { CoerceContext } from '../../core/fields/field-type.ts';
import { requireFieldType } from '../../core/fields/registry.ts';
import { coerceInput } from './cell-input.ts';
import type { SourceCell } from './source.ts';

/** A column as the coercer needs it: plain data, so that it crosses to a worker thread. */
export interface ColumnSpec {
  index: number;
  header: string;
  fieldId: string;
  type: string;
  options: Record<string, unknown>;
}

/** A cell's coerce result with what it stores; `batch` is the last batch that took its choices. */
export type CoercedCell =
  | { ok: true; value: unknown; stored: string | number | null; batch: number }
  | { ok: false; error: string };

/** Calls after which a column's hit rate is judged, and the most distinct inputs kept. */
const SAMPLE_CALLS = 4096;
const MAX_REMEMBERED = 20_000;

/**
 * One column's cells → its field type's coerce and toStorage, compiled once per import. A
 * file's columns mostly repeat their values (choices, dates, owners, percentages), and a
 * field type's coerce is a pure function of input, options and context, so results are
 * remembered per input; a column of mostly distinct values (names, addresses) stops
 * remembering after a sample. New select choices are added to the column's own options as
 * they appear, so a later "vip" finds the "VIP" an earlier row brought, as it would once
 * that row is saved.
 */
export class ColumnCoercer {
  readonly fieldType: ReturnType<typeof requireFieldType>;
  /** What an empty cell stores and reads as. */
  readonly emptyStored: string | number | null;
  readonly emptyValue: unknown;
  private options: Record<string, unknown>;
  private readonly remembered = new Map<unknown, CoercedCell>();
  private calls = 0;
  private remembering = true;
  /** Counts batches, so a remembered cell adds its choices to each batch once. */
  batch = 0;

  constructor(readonly spec: ColumnSpec, private readonly ctx: CoerceContext) {
    this.fieldType = requireFieldType(spec.type);
    this.options = spec.options;
    this.emptyStored = this.fieldType.toStorage(null, this.options);
    this.emptyValue = this.fieldType.fromStorage(null, this.options);
  }

  /** A new batch begins: remembered cells report their choices to it again. */
  newBatch(): void {
    this.batch++;
  }

  /** A non-empty cell's result, with its stored form when it is ok. */
  coerce(cell: Exclude<SourceCell, null>): CoercedCell {
    const input = coerceInput(cell, this.fieldType.kind);
    const rememberable = this.remembering && (typeof input === 'string' || typeof input === 'number') && !Object.is(input, -0);
    if (rememberable) {
      if (++this.calls === SAMPLE_CALLS && this.remembered.size > SAMPLE_CALLS / 2) {
        this.remembering = false;
        this.remembered.clear();
      } else {
        const known = this.remembered.get(input);
        if (known) return known;
      }
    }
    const result = this.fieldType.coerce(input, this.options, this.ctx);
    if (!result.ok) {
      const failed: CoercedCell = { ok: false, error: result.error };
      if (rememberable && this.remembering && this.remembered.size < MAX_REMEMBERED) this.remembered.set(input, failed);
      return failed;
    }
    if (result.addChoices?.length && this.fieldType.addChoices) {
      this.options = this.fieldType.addChoices(this.options, result.addChoices) as Record<string, unknown>;
    }
    const coerced: CoercedCell = { ok: true, value: result.value, stored: this.fieldType.toStorage(result.value, this.options), batch: -1 };
    if (rememberable && this.remembering && this.remembered.size < MAX_REMEMBERED) this.remembered.set(input, coerced);
    return coerced;
  }
}
