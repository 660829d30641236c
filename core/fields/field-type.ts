import type { z } from 'zod';
import type { FilterOperator } from '../filter/operators.ts';

/** Every field type name of the public API (API.md), stored and computed. */
export const FIELD_TYPE_NAMES = [
  'singleLineText', 'longText', 'number', 'currency', 'percent', 'date', 'checkbox',
  'singleSelect', 'multipleSelects', 'email', 'phoneNumber', 'url', 'rating', 'user',
  'attachment', 'autoNumber', 'createdTime', 'lastModifiedTime', 'createdBy', 'lastModifiedBy',
  'link', 'lookup', 'rollup', 'count', 'formula',
] as const;
export type FieldTypeName = (typeof FIELD_TYPE_NAMES)[number];

/** The computed types arrive with their own issue; they are not in the registry yet. */
export const COMPUTED_TYPE_NAMES = ['link', 'lookup', 'rollup', 'count', 'formula'] as const;
export type ComputedTypeName = (typeof COMPUTED_TYPE_NAMES)[number];
export type StoredTypeName = Exclude<FieldTypeName, ComputedTypeName>;

/**
 * How a type's value lives in SQLite.
 * - `column`: one column `f_<fieldId>` of this SQL type (multi-valued types store JSON text).
 * - `system`: read from one of the row's own columns; the type owns no column and is read-only.
 */
export type FieldStorage =
  | { kind: 'column'; sqlType: 'TEXT' | 'INTEGER' | 'REAL' }
  | { kind: 'system'; column: SystemColumn };
export const SYSTEM_COLUMNS = ['id', 'created_at', 'updated_at', 'created_by', 'updated_by'] as const;
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number];

/**
 * The shape of a value, which decides how filters compile and how values compare.
 * Types share a kind when they behave alike in queries (email and url are text).
 * - text: string; number: finite number; boolean: true/false (never null when read);
 * - date: 'YYYY-MM-DD' (date only) or ISO UTC instant 'YYYY-MM-DDTHH:mm:ss.sssZ';
 * - select: one string out of choices; multi: string[] (select names or user ids);
 * - user: a user id string; attachment: Attachment[].
 */
export const VALUE_KINDS = ['text', 'number', 'boolean', 'date', 'select', 'multi', 'user', 'attachment'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export interface Attachment {
  id: string;          // content hash
  filename: string;
  size: number;
  type: string;        // MIME type
  url: string;         // /api/v1/attachments/<hash>
}

/** What coerce may need to know beyond the raw input. */
export interface CoerceContext {
  /** Lenient parsing of strings the way paste and import do (API `typecast: true`). */
  typecast: boolean;
  /** The base's IANA time zone: a date without offset is a wall time there. */
  timeZone: string;
  /** Resolves an email, a name or an id to a user id, for user fields. */
  resolveUser?: (input: string) => string | undefined;
  /**
   * The stored facts of an uploaded file by its hash, when the caller has the database
   * (the server's write path): a file not uploaded to this base is refused, and size and
   * type come from the upload rather than from the caller.
   */
  resolveAttachment?: (hash: string) => { filename: string; size: number; type: string } | undefined;
}

export type CoerceResult<V> =
  | { ok: true; value: V | null; addChoices?: string[] }
  | { ok: false; error: string };

export interface FormatContext {
  locale: string;      // BCP 47, 'en' or 'zh-CN'
  timeZone: string;
  userName?: (userId: string) => string | undefined;
}

/**
 * The one contract every field type satisfies. Nothing outside `core/fields` switches on
 * type names: callers ask the type through this interface.
 */
export interface FieldType<Options = unknown, Value = unknown> {
  readonly name: StoredTypeName;
  /** Parses and defaults a field's `options`; errors name the option. */
  readonly options: z.ZodType<Options>;
  readonly storage: FieldStorage;
  readonly kind: ValueKind;
  /** System and computed types: no one writes their values. */
  readonly readOnly: boolean;
  /**
   * Anything a user can send (typed input, pasted text, CSV/XLSX cells, API JSON) to a
   * value, `null` for empty, or an error that names what is wrong with the input.
   * Without `ctx.typecast` only JSON of the right shape is accepted.
   */
  coerce(input: unknown, options: Options, ctx: CoerceContext): CoerceResult<Value>;
  /** Value → what the column holds (JSON text for multi-valued types). */
  toStorage(value: Value | null, options: Options): string | number | null;
  /** What the column holds → value (the API's JSON shape). */
  fromStorage(raw: unknown, options: Options): Value | null;
  /** Display and export text; '' for null. */
  format(value: Value | null, options: Options, ctx: FormatContext): string;
  /**
   * Set when the shown text of any text the column holds is that very text, and '' for
   * NULL or '': `format(fromStorage(text)) === text` whatever the options and locale. Bulk
   * readers (the CSV export) may then let SQLite hand the column over as it is.
   */
  readonly showsStoredText?: true;
  /**
   * Number and date kinds: the Excel number format their cells get in an .xlsx export
   * (`"¥"#,##0.00`, `0.0%`, `yyyy-mm-dd hh:mm`); none means General.
   */
  spreadsheetFormat?(options: Options): string | undefined;
  /** Sort order; nulls are handled by the caller (always last ascending). */
  compare(a: Value, b: Value, options: Options): number;
  /** The operators of API.md this type accepts. */
  readonly operators: readonly FilterOperator[];
  /**
   * Select types only: options with these new choices appended (colors assigned), for
   * `addChoices` from a typecast coerce. The write path saves them in the same transaction.
   */
  addChoices?(options: Options, names: readonly string[]): Options;
}

/** A field as stored in the meta schema and returned by the API. */
export interface Field<Options = Record<string, unknown>> {
  id: string;
  tableId: string;
  name: string;
  type: StoredTypeName;
  options: Options;
  description?: string | null;
}
