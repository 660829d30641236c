import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Menu, type MenuItem } from '../ui/menu.tsx';
import { DeleteFieldDialog, RenameFieldDialog } from './field-header-dialogs.tsx';
import { headerMenuEntries, type HeaderAction } from './header-menu-entries.ts';
import type { BaseRole, FieldJson } from './types.ts';
import './schema.css';

export interface FieldHeaderMenuProps {
  field: FieldJson;
  /** The table's fields (unique names when renaming). */
  fields: readonly FieldJson[];
  primaryFieldId: string | null;
  /** The view's visible field ids, left to right (first and last cannot move further). */
  order: readonly string[];
  role: BaseRole;
  /** Opens FieldEditorDialog on this field. */
  onEdit?(): void;
  /** After the rename dialog; reject (e.g. with ApiError) to keep it open with the message. */
  onRename?(name: string): Promise<void> | void;
  /** Open FieldEditorDialog in create mode; the grid places the new field. */
  onInsertLeft?(): void;
  onInsertRight?(): void;
  onSortAsc?(): void;
  onSortDesc?(): void;
  onMoveLeft?(): void;
  onMoveRight?(): void;
  /** Freeze the columns up to and including this one. */
  onFreezeUpTo?(): void;
  onHide?(): void;
  /** After the confirmation dialog; reject to keep it open with the message. */
  onDelete?(): Promise<void> | void;
  /** Controlled opening (a right-click on the header); uncontrolled without it. */
  open?: boolean;
  onOpenChange?(open: boolean): void;
}

const ICONS: Record<HeaderAction, string> = {
  edit: '⚙', rename: '✎', insertLeft: '⇤', insertRight: '⇥', sortAsc: '↑', sortDesc: '↓',
  moveLeft: '←', moveRight: '→', freeze: '❄', hide: '◌', delete: '✕',
};

/**
 * The ▾ button of a column header and its menu. Every entry the grid handles is listed;
 * those the person's role (or the field's place) does not allow are disabled with the
 * reason. Rename and delete ask first, in their own dialogs.
 */
export function FieldHeaderMenu(props: FieldHeaderMenuProps) {
  const { t } = useTranslation();
  const trigger = useRef<HTMLButtonElement>(null);
  const [ownOpen, setOwnOpen] = useState(false);
  const [dialog, setDialog] = useState<null | 'rename' | 'delete'>(null);
  const open = props.open ?? ownOpen;
  const setOpen = (value: boolean) => {
    setOwnOpen(value);
    props.onOpenChange?.(value);
  };

  const handlers: Record<HeaderAction, (() => void) | undefined> = {
    edit: props.onEdit,
    rename: props.onRename && (() => setDialog('rename')),
    insertLeft: props.onInsertLeft,
    insertRight: props.onInsertRight,
    sortAsc: props.onSortAsc,
    sortDesc: props.onSortDesc,
    moveLeft: props.onMoveLeft,
    moveRight: props.onMoveRight,
    freeze: props.onFreezeUpTo,
    hide: props.onHide,
    delete: props.onDelete && (() => setDialog('delete')),
  };
  const available = new Set((Object.keys(handlers) as HeaderAction[]).filter((action) => handlers[action]));
  const entries = headerMenuEntries({ fieldId: props.field.id, primaryFieldId: props.primaryFieldId, order: props.order, role: props.role, available });
  const items: MenuItem[] = entries.map((entry) => ({
    id: entry.action,
    label: t(`schema.headerMenu.${entry.action}`),
    icon: ICONS[entry.action],
    disabled: entry.disabled !== undefined,
    hint: entry.disabled ? t(`schema.headerMenu.${entry.disabled}`) : undefined,
    danger: entry.danger,
    groupStart: entry.groupStart,
    onSelect: handlers[entry.action]!,
  }));

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="header-menu-trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('schema.headerMenu.open', { name: props.field.name })}
        onClick={(event) => {
          // The header itself sorts or selects on click; the menu button must not.
          event.stopPropagation();
          setOpen(!open);
        }}
      >
        <span aria-hidden="true">▾</span>
      </button>
      <Menu open={open} anchor={trigger.current} label={t('schema.headerMenu.label', { name: props.field.name })} items={items} onClose={() => setOpen(false)} />
      {dialog === 'rename' && props.onRename ? (
        <RenameFieldDialog field={props.field} fields={props.fields} onRename={props.onRename} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'delete' && props.onDelete ? (
        <DeleteFieldDialog field={props.field} onDelete={props.onDelete} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
