/**
 * Records are `INTEGER PRIMARY KEY` rows; the API shows them as `rec<id>` strings, the
 * shape Airtable scripts expect, and accepts either form back.
 */
export function formatRecordId(id: number): string {
  return `rec${id}`;
}

/** The row id of `rec123` or `123`, or undefined when it is neither. */
export function parseRecordId(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isSafeInteger(input) && input > 0 ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const match = /^(?:rec)?(\d{1,15})$/.exec(input);
  if (!match) return undefined;
  const id = Number(match[1]);
  return id > 0 ? id : undefined;
}
