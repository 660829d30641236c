import { z } from 'zod';
import { parseRecordId } from '../../core/record-id.ts';
import { AppError } from '../errors.ts';
import type { FieldValues } from '../events/index.ts';
import { getField, type TableSchema } from '../tables/table-schema.ts';

/** API.md: at most 1,000 records per request. */
export const MAX_RECORDS_PER_REQUEST = 1000;

const fieldsSchema = z.record(z.string().max(200), z.unknown());

export const createRecordsBody = z.object({
  records: z.array(z.object({ fields: fieldsSchema })).min(1).max(MAX_RECORDS_PER_REQUEST),
  typecast: z.boolean().optional(),
  returnFieldsByFieldId: z.boolean().optional(),
});

export const updateRecordsBody = z.object({
  records: z.array(z.object({ id: z.union([z.string(), z.number()]), fields: fieldsSchema })).min(1).max(MAX_RECORDS_PER_REQUEST),
  typecast: z.boolean().optional(),
  returnFieldsByFieldId: z.boolean().optional(),
});

export const updateRecordBody = z.object({
  fields: fieldsSchema,
  typecast: z.boolean().optional(),
  returnFieldsByFieldId: z.boolean().optional(),
});

/** Input keyed by field name or id → keyed by field id; an unknown field is a 400 naming it. */
export function toFieldIds(schema: TableSchema, fields: Record<string, unknown>, index: number): FieldValues {
  const values: FieldValues = {};
  for (const [key, value] of Object.entries(fields)) {
    const field = getField(schema, key);
    if (!field) {
      throw new AppError('UNKNOWN_FIELD', `record ${index + 1}: unknown field ${JSON.stringify(key)}`, { index, field: key });
    }
    values[field.id] = value;
  }
  return values;
}

export function requireRecordId(input: unknown): number {
  const id = parseRecordId(input);
  if (id === undefined) throw new AppError('INVALID_REQUEST', `${JSON.stringify(input)} is not a record id`);
  return id;
}

/** A record id in a JSON body ("rec12" or 12) as its number; a clear issue otherwise. */
export const recordIdInput = z.union([z.string().max(20), z.number()]).transform((id, ctx) => {
  try {
    return requireRecordId(id);
  } catch {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(id)} is not a record id` });
    return z.NEVER;
  }
});

/** `?records[]=a&records[]=b` (or `records=`), as API.md's DELETE takes them. */
export function recordIdsFromQuery(query: Record<string, unknown>): number[] {
  const raw = query['records[]'] ?? query.records;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (!list.length) throw new AppError('INVALID_REQUEST', 'name the records to delete with records[]=id');
  if (list.length > MAX_RECORDS_PER_REQUEST) {
    throw new AppError('TOO_LARGE', `at most ${MAX_RECORDS_PER_REQUEST} records per request, got ${list.length}`);
  }
  return list.map(requireRecordId);
}
