// Table and field names checked the way server/tables/names.ts will, so the dialog can say
// what is wrong before a round trip. The server stays the judge.

export const MAX_NAME_LENGTH = 100;

export type NameProblem = 'required' | 'tooLong' | 'control' | 'taken';

export function normalizeName(input: string): string {
  return input.normalize('NFC').trim();
}

/** Case- and width-insensitive, as people read names ("Amount" and "ａｍｏｕｎｔ" clash). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

export function nameProblem(input: string, existing: ReadonlyArray<{ id: string; name: string }>, exceptId?: string): NameProblem | undefined {
  const name = normalizeName(input);
  if (!name) return 'required';
  if (name.length > MAX_NAME_LENGTH) return 'tooLong';
  if (/\p{Cc}/u.test(name)) return 'control';
  const key = nameKey(name);
  if (existing.some((entry) => entry.id !== exceptId && nameKey(entry.name) === key)) return 'taken';
  return undefined;
}

/** "Field 4", "Field 5" …: the first of `base n` not taken, for a new field's suggested name. */
export function suggestName(base: string, existing: ReadonlyArray<{ name: string }>): string {
  const taken = new Set(existing.map((entry) => nameKey(entry.name)));
  for (let n = existing.length + 1; ; n++) {
    const name = `${base} ${n}`;
    if (!taken.has(nameKey(name))) return name;
  }
}
