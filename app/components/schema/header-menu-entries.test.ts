import { describe, expect, it } from 'vitest';
import { HEADER_ACTIONS, headerMenuEntries, type HeaderAction } from './header-menu-entries.ts';

const all = new Set<HeaderAction>(HEADER_ACTIONS);
const order = ['fldName', 'fldStage', 'fldAmount'];
const disabledOf = (entries: ReturnType<typeof headerMenuEntries>) =>
  Object.fromEntries(entries.filter((entry) => entry.disabled).map((entry) => [entry.action, entry.disabled]));

describe('headerMenuEntries', () => {
  it('gives an owner everything except what the position or primary field forbids', () => {
    expect(disabledOf(headerMenuEntries({ fieldId: 'fldStage', primaryFieldId: 'fldName', order, role: 'owner', available: all }))).toEqual({});
    expect(disabledOf(headerMenuEntries({ fieldId: 'fldName', primaryFieldId: 'fldName', order, role: 'owner', available: all }))).toEqual({
      moveLeft: 'alreadyFirst', hide: 'primaryNoHide', delete: 'primaryNoDelete',
    });
    expect(disabledOf(headerMenuEntries({ fieldId: 'fldAmount', primaryFieldId: 'fldName', order, role: 'owner', available: all }))).toEqual({ moveRight: 'alreadyLast' });
  });

  it('lets editors change the view layout but not the schema', () => {
    expect(disabledOf(headerMenuEntries({ fieldId: 'fldStage', primaryFieldId: 'fldName', order, role: 'editor', available: all }))).toEqual({
      edit: 'ownersOnly', rename: 'ownersOnly', insertLeft: 'ownersOnly', insertRight: 'ownersOnly', delete: 'ownersOnly',
    });
  });

  it('lets viewers only sort', () => {
    const entries = headerMenuEntries({ fieldId: 'fldStage', primaryFieldId: 'fldName', order, role: 'viewer', available: all });
    expect(entries.filter((entry) => !entry.disabled).map((entry) => entry.action)).toEqual(['sortAsc', 'sortDesc']);
    expect(disabledOf(entries).hide).toBe('editorsOnly');
  });

  it('lists only the actions the grid handles, grouped', () => {
    const entries = headerMenuEntries({ fieldId: 'fldStage', primaryFieldId: 'fldName', order, role: 'owner', available: new Set(['rename', 'sortAsc', 'delete']) });
    expect(entries).toEqual([{ action: 'rename' }, { action: 'sortAsc', groupStart: true }, { action: 'delete', groupStart: true, danger: true }]);
  });
});
