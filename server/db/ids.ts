import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const ID_PREFIXES = {
  user: 'usr', base: 'bas', table: 'tbl', field: 'fld', view: 'viw', token: 'tok', choice: 'sel', share: 'shr',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

/**
 * Random ids of [0-9A-Za-z] only: table and field ids become SQL identifiers
 * (`t_<id>`, `f_<id>`), so nothing else may ever appear in them.
 */
export function newId(kind: IdKind, length = 14): string {
  const bytes = randomBytes(length);
  let id: string = ID_PREFIXES[kind];
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

const SAFE_ID = /^[A-Za-z0-9]{4,40}$/;
/** Guards every identifier we splice into SQL; ids come from newId, this makes sure. */
export function requireSafeId(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`unsafe identifier ${JSON.stringify(id)}`);
  return id;
}
