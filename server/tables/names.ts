import { AppError } from '../errors.ts';

export const MAX_NAME_LENGTH = 100;

/**
 * A table or field name as stored: trimmed, 1–100 characters, no control characters
 * (they would break CSV headers, formulas that name fields, and the grid's header).
 */
export function normalizeName(what: 'table' | 'field', input: string): string {
  const name = input.normalize('NFC').trim();
  if (name.length === 0) throw new AppError('INVALID_REQUEST', `the ${what} name cannot be empty`, { field: 'name' });
  if (name.length > MAX_NAME_LENGTH) {
    throw new AppError('INVALID_REQUEST', `the ${what} name is longer than ${MAX_NAME_LENGTH} characters`, { field: 'name' });
  }
  if (/\p{Cc}/u.test(name)) throw new AppError('INVALID_REQUEST', `the ${what} name cannot contain control characters`, { field: 'name' });
  return name;
}

/** Case-insensitive, as people read names ("Amount" and "amount" would be the same column to them). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/** 409 when `name` is taken by another entry of `existing` (ignoring `exceptId`). */
export function requireUniqueName(
  what: 'table' | 'field',
  name: string,
  existing: ReadonlyArray<{ id: string; name: string }>,
  exceptId?: string,
): void {
  const key = nameKey(name);
  const clash = existing.find((entry) => entry.id !== exceptId && nameKey(entry.name) === key);
  if (clash) {
    throw new AppError('CONFLICT', `a ${what} named ${JSON.stringify(clash.name)} already exists`, { name, conflictingId: clash.id });
  }
}
