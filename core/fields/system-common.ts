import type { CoerceResult } from './field-type.ts';

/** System fields are written by the write path itself, never through coerce. */
export function readOnlyCoerce(): CoerceResult<never> {
  return { ok: false, error: 'field is read-only' };
}
