import { canEditSchema, canEditViews, type BaseRole } from './types.ts';

export const HEADER_ACTIONS = [
  'edit', 'rename', 'insertLeft', 'insertRight', 'sortAsc', 'sortDesc', 'moveLeft', 'moveRight', 'freeze', 'hide', 'delete',
] as const;
export type HeaderAction = (typeof HEADER_ACTIONS)[number];

/** Why an entry is disabled: keys of `schema.headerMenu`. */
export type DisabledReason = 'ownersOnly' | 'editorsOnly' | 'primaryNoDelete' | 'primaryNoHide' | 'alreadyFirst' | 'alreadyLast';

export interface HeaderEntry {
  action: HeaderAction;
  disabled?: DisabledReason;
  /** Starts a new group in the menu (a separator above). */
  groupStart?: boolean;
  danger?: boolean;
}

const SCHEMA: ReadonlySet<HeaderAction> = new Set(['edit', 'rename', 'insertLeft', 'insertRight', 'delete']);
const LAYOUT: ReadonlySet<HeaderAction> = new Set(['moveLeft', 'moveRight', 'freeze', 'hide']);
const GROUP_STARTS: ReadonlySet<HeaderAction> = new Set(['sortAsc', 'moveLeft', 'delete']);

export interface HeaderMenuInput {
  fieldId: string;
  primaryFieldId: string | null;
  /** The view's visible field ids, left to right. */
  order: readonly string[];
  role: BaseRole;
  /** Actions the grid handles (it passed their callbacks); the others are not listed. */
  available: ReadonlySet<HeaderAction>;
}

/**
 * The column header menu's entries. Schema changes are the owners' (server
 * permissions: writeSchema), view layout the editors' (writeViews); sorting is open to
 * everyone, since the grid can sort a viewer's screen without saving the view. Entries stay
 * listed when disabled, with the reason, so people learn why rather than wonder where.
 */
export function headerMenuEntries({ fieldId, primaryFieldId, order, role, available }: HeaderMenuInput): HeaderEntry[] {
  const index = order.indexOf(fieldId);
  const isPrimary = fieldId === primaryFieldId;
  return HEADER_ACTIONS.filter((action) => available.has(action)).map((action) => {
    const entry: HeaderEntry = { action };
    if (GROUP_STARTS.has(action)) entry.groupStart = true;
    if (action === 'delete') entry.danger = true;
    entry.disabled = reason(action);
    if (!entry.disabled) delete entry.disabled;
    return entry;
  });

  function reason(action: HeaderAction): DisabledReason | undefined {
    if (SCHEMA.has(action) && !canEditSchema(role)) return 'ownersOnly';
    if (LAYOUT.has(action) && !canEditViews(role)) return 'editorsOnly';
    if (action === 'delete' && isPrimary) return 'primaryNoDelete';
    if (action === 'hide' && isPrimary) return 'primaryNoHide';
    if (action === 'moveLeft' && index <= 0) return 'alreadyFirst';
    if (action === 'moveRight' && (index < 0 || index >= order.length - 1)) return 'alreadyLast';
    return undefined;
  }
}
