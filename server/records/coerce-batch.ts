import type { CoerceContext } from '../../core/fields/field-type.ts';
import { formatRecordId } from '../../core/record-id.ts';
import type { FieldValues } from '../events/index.ts';
import type { FieldDef, TableSchema } from '../tables/table-schema.ts';
import type { CellError } from './types.ts';

export interface CoercedCell {
  field: FieldDef;
  value: unknown;
  stored: string | number | null;
}

/** Collects what every cell of a batch needs before anything is written. */
export class BatchCoercer {
  readonly errors: CellError[] = [];
  /** New select choices per field id, added in the batch's transaction. */
  readonly newChoices = new Map<string, Set<string>>();

  constructor(
    private readonly schema: TableSchema,
    private readonly ctx: CoerceContext,
  ) {}

  /** Coerces one record's input; cells with errors are left out and reported. */
  coerce(input: FieldValues, index: number, recordId?: number): CoercedCell[] {
    const cells: CoercedCell[] = [];
    for (const fieldId in input) {
      const raw = input[fieldId];
      const field = this.schema.byId.get(fieldId);
      if (!field) {
        this.report(index, recordId, fieldId, fieldId, raw, `unknown field ${JSON.stringify(fieldId)}`);
        continue;
      }
      if (field.fieldType.readOnly) {
        this.report(index, recordId, field.name, fieldId, raw, `field "${field.name}" is read-only`);
        continue;
      }
      const result = field.fieldType.coerce(raw, field.options, this.ctx);
      if (!result.ok) {
        this.report(index, recordId, field.name, fieldId, raw, `field "${field.name}": ${result.error}`);
        continue;
      }
      if (result.addChoices?.length) {
        const set = this.newChoices.get(field.id) ?? new Set<string>();
        for (const name of result.addChoices) set.add(name);
        this.newChoices.set(field.id, set);
      }
      cells.push({ field, value: result.value, stored: field.fieldType.toStorage(result.value, field.options) });
    }
    return cells;
  }

  private report(index: number, recordId: number | undefined, field: string, fieldId: string, value: unknown, message: string): void {
    this.errors.push({ index, recordId: recordId === undefined ? undefined : formatRecordId(recordId), field, fieldId, value, message });
  }
}
