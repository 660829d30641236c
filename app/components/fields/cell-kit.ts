import type { ComponentType } from 'react';
import type { TFunction } from 'i18next';
import type { FieldType } from '../../../core/fields/field-type.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { GridField, Member } from '../grid/types.ts';

/** What every cell of one grid shares: language, zone, members, rights. */
export interface CellContext {
  locale: Locale;
  /** The base's IANA zone: dates without a zone of their own read and show in it. */
  timeZone: string;
  baseId: string;
  members: readonly Member[];
  memberById: ReadonlyMap<string, Member>;
  canEdit: boolean;
  t: TFunction;
}

export interface CellRendererProps {
  value: unknown;
  field: GridField;
  fieldType: FieldType;
  cell: CellContext;
  /** Edits in place (checkbox, stars); absent when the cell cannot be edited. */
  onChange?: (value: unknown) => void;
}

export interface CellEditorProps {
  value: unknown;
  /** The printable key that opened the editor: it replaces the value (text) or starts a search. */
  typed: string | null;
  /** What a text editor starts with: the typed key, else the value as editable text. */
  initialText: string;
  field: GridField;
  fieldType: FieldType;
  cell: CellContext;
  onChange(value: unknown): void;
  /** Closes the editor keeping the value (after onChange). */
  commit(): void;
  /** Closes the editor, dropping the change. */
  cancel(): void;
}

/**
 * A field type's cell: renderer, editor and the grid's hints. `app/components/fields/index.ts`
 * maps every stored type to one, so a new type without a cell fails to compile.
 */
export interface CellKit {
  Renderer: ComponentType<CellRendererProps>;
  /** Absent for read-only types and for types edited in place (`toggle`). */
  Editor?: ComponentType<CellEditorProps>;
  /** The editor needs more room than the cell (lists, pickers, long text). */
  popup?: boolean;
  /** Space and Enter change the value in place instead of opening an editor. */
  toggle?(value: unknown): unknown;
  /** Text a text editor starts from; default: the formatted value. */
  editText?(value: unknown, field: GridField, fieldType: FieldType, cell: CellContext): string;
  /** Default column width in px. */
  width: number;
  align?: 'start' | 'end' | 'center';
  /** Key of the header icon (field-icon.tsx). */
  icon: FieldIconName;
}

export type FieldIconName =
  | 'text' | 'longText' | 'number' | 'currency' | 'percent' | 'date' | 'checkbox' | 'select' | 'multi'
  | 'email' | 'phone' | 'url' | 'rating' | 'user' | 'attachment' | 'autoNumber' | 'time' | 'lock';

/** Display text through the type's own format, in the reader's language and the base's zone. */
export function formatValue(fieldType: FieldType, field: GridField, value: unknown, cell: CellContext): string {
  if (value === null || value === undefined) return '';
  return fieldType.format(value, field.options, {
    locale: cell.locale,
    timeZone: cell.timeZone,
    userName: (id) => cell.memberById.get(id)?.name,
  });
}
