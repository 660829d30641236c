import type { StoredTypeName } from '../../../core/fields/field-type.ts';
import { AttachmentCell, AttachmentEditor } from './attachment-cells.tsx';
import type { CellKit } from './cell-kit.ts';
import { CheckboxCell } from './checkbox-cell.tsx';
import { DateEditor, dateEditText } from './date-editor.tsx';
import { RatingCell } from './rating-cell.tsx';
import { MultiSelectCell, SelectEditor, SingleSelectCell } from './select-cells.tsx';
import { EmailCell, LongTextCell, NumberCell, PhoneCell, ReadOnlyCell, TextCell, UrlCell } from './text-cells.tsx';
import { LongTextEditor, TextEditor } from './text-editor.tsx';
import { UserCell, UserEditor } from './user-cells.tsx';

export type { CellKit, CellContext, CellEditorProps, CellRendererProps } from './cell-kit.ts';
export { formatValue } from './cell-kit.ts';
export { FieldIcon } from './field-icon.tsx';

// Numbers are edited as plain digits (no grouping, no symbol): "1234.5", and "12%" for percent.
const numberText = (value: unknown) => (typeof value === 'number' ? String(value) : '');
const percentText = (value: unknown) => (typeof value === 'number' ? `${Number.parseFloat((value * 100).toPrecision(12))}%` : '');
const plainText = (value: unknown) => (typeof value === 'string' ? value : '');

const text = { Renderer: TextCell, Editor: TextEditor, editText: plainText, width: 180 } as const;
const readOnlyTime = { Renderer: ReadOnlyCell, width: 170, icon: 'time' } as const;

/** The grid's cell for every stored field type; a type without one fails to compile. */
export const fieldKits = {
  singleLineText: { ...text, icon: 'text', width: 200 },
  longText: { Renderer: LongTextCell, Editor: LongTextEditor, popup: true, editText: plainText, width: 260, icon: 'longText' },
  number: { Renderer: NumberCell, Editor: TextEditor, editText: numberText, width: 120, align: 'end', icon: 'number' },
  currency: { Renderer: NumberCell, Editor: TextEditor, editText: numberText, width: 140, align: 'end', icon: 'currency' },
  percent: { Renderer: NumberCell, Editor: TextEditor, editText: percentText, width: 110, align: 'end', icon: 'percent' },
  date: { Renderer: TextCell, Editor: DateEditor, popup: true, editText: (value, field, _type, cell) => dateEditText(value, field, cell), width: 160, icon: 'date' },
  checkbox: { Renderer: CheckboxCell, toggle: (value) => value !== true, width: 90, align: 'center', icon: 'checkbox' },
  singleSelect: { Renderer: SingleSelectCell, Editor: SelectEditor, popup: true, width: 160, icon: 'select' },
  multipleSelects: { Renderer: MultiSelectCell, Editor: SelectEditor, popup: true, width: 220, icon: 'multi' },
  email: { ...text, Renderer: EmailCell, icon: 'email' },
  phoneNumber: { ...text, Renderer: PhoneCell, width: 150, icon: 'phone' },
  url: { ...text, Renderer: UrlCell, icon: 'url' },
  rating: { Renderer: RatingCell, Editor: TextEditor, editText: numberText, width: 130, icon: 'rating' },
  user: { Renderer: UserCell, Editor: UserEditor, popup: true, width: 170, icon: 'user' },
  attachment: { Renderer: AttachmentCell, Editor: AttachmentEditor, popup: true, width: 180, icon: 'attachment' },
  autoNumber: { Renderer: ReadOnlyCell, width: 100, align: 'end', icon: 'autoNumber' },
  createdTime: readOnlyTime,
  lastModifiedTime: readOnlyTime,
  createdBy: { Renderer: UserCell, width: 160, icon: 'user' },
  lastModifiedBy: { Renderer: UserCell, width: 160, icon: 'user' },
} satisfies Record<StoredTypeName, CellKit>;

export function kitOf(type: StoredTypeName): CellKit {
  return fieldKits[type];
}
