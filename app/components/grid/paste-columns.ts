import type { StoredTypeName } from '../../../core/fields/field-type.ts';
import { inferTextField } from '../../../core/fields/infer-text-field.ts';
import { parseDateText } from '../../../core/values/parse-date.ts';
import { parseNumberText } from '../../../core/values/parse-number.ts';
import { MAX_NAME_LENGTH, nameKey, normalizeName, suggestName } from '../schema/names.ts';

/** A field to create for a pasted column past the last one. */
export interface NewColumn {
  name: string;
  type: StoredTypeName;
  options: Record<string, unknown>;
}

/** Rows of a pasted column looked at to infer its type (a paste can be 10,000 rows). */
const SAMPLE_ROWS = 1000;
/** Types whose values are any text: a header over them is indistinguishable from a value. */
const TEXT_LIKE = new Set<StoredTypeName>(['singleLineText', 'longText', 'singleSelect', 'multipleSelects']);

const isValueLike = (text: string) => {
  const number = parseNumberText(text);
  if (number.ok && number.value !== null) return true;
  const date = parseDateText(text, { lenient: true });
  return date.ok && date.value !== null;
};

function column(matrix: readonly (readonly string[])[], index: number, from: number): string[] {
  const values: string[] = [];
  for (let row = from; row < matrix.length && values.length < SAMPLE_ROWS; row++) {
    const text = (matrix[row]![index] ?? '').trim();
    if (text) values.push(text);
  }
  return values;
}

/**
 * Whether the first pasted row names the columns: short, distinct, one-line text with no
 * numbers or dates in it, and either one of them is the name of a field it lands on, or a
 * column below it holds typed values (numbers, dates, emails …) that the header is not.
 * Columns of plain text under plain text cannot tell, and count as data.
 */
export function looksLikeHeaderRow(matrix: readonly (readonly string[])[], fieldNames: readonly string[] = []): boolean {
  if (matrix.length < 2) return false;
  const first = matrix[0]!.map((text) => text.trim());
  const filled = first.filter(Boolean);
  if (!filled.length) return false;
  if (filled.some((text) => text.length > MAX_NAME_LENGTH || /[\r\n\t]/.test(text) || isValueLike(text))) return false;
  if (new Set(filled.map(nameKey)).size !== filled.length) return false;
  const known = new Set(fieldNames.map(nameKey));
  if (filled.some((text) => known.has(nameKey(text)))) return true;
  return first.some((text, index) => {
    if (!text) return false;
    const body = column(matrix, index, 1);
    return body.length > 0 && !TEXT_LIKE.has(inferTextField(text, body).type);
  });
}

/**
 * The fields for the pasted columns `from`… (those past the last field): named from the
 * header row when there is one, else "Field 5", "Field 6" …; a name already taken gets
 * " (2)". Types are inferred from the pasted values below the header.
 */
export function planNewColumns(
  matrix: readonly (readonly string[])[],
  options: { from: number; headers: boolean; existingNames: readonly string[]; fieldWord: string },
): NewColumn[] {
  const width = Math.max(0, ...matrix.map((row) => row.length));
  const taken: Array<{ name: string }> = options.existingNames.map((name) => ({ name }));
  const columns: NewColumn[] = [];
  for (let index = options.from; index < width; index++) {
    const header = options.headers ? normalizeName((matrix[0]![index] ?? '').replace(/\s+/g, ' ')).slice(0, MAX_NAME_LENGTH) : '';
    let name = header || suggestName(options.fieldWord, taken);
    const base = name;
    for (let n = 2; taken.some((entry) => nameKey(entry.name) === nameKey(name)); n++) name = `${base.slice(0, MAX_NAME_LENGTH - 6)} (${n})`;
    taken.push({ name });
    const values = column(matrix, index, options.headers ? 1 : 0);
    const inferred = values.length ? inferTextField(header, values) : { type: 'singleLineText' as const, options: {} };
    columns.push({ name, type: inferred.type, options: inferred.options });
  }
  return columns;
}
