import { describe, expect, it } from 'vitest';
import { menuKey, placePopup } from './menu-keys.ts';

const labels = ['Rename', 'Edit field', 'Hide', '删除字段'];

describe('menuKey', () => {
  it('moves with arrows, wrapping, and jumps with Home/End', () => {
    expect(menuKey('ArrowDown', -1, labels)).toEqual({ kind: 'move', index: 0 });
    expect(menuKey('ArrowDown', 3, labels)).toEqual({ kind: 'move', index: 0 });
    expect(menuKey('ArrowUp', 0, labels)).toEqual({ kind: 'move', index: 3 });
    expect(menuKey('End', 0, labels)).toEqual({ kind: 'move', index: 3 });
    expect(menuKey('Home', 2, labels)).toEqual({ kind: 'move', index: 0 });
  });

  it('jumps to the next item starting with a typed character, Chinese included', () => {
    expect(menuKey('h', 0, labels)).toEqual({ kind: 'move', index: 2 });
    expect(menuKey('E', 2, labels)).toEqual({ kind: 'move', index: 1 });
    expect(menuKey('删', 0, labels)).toEqual({ kind: 'move', index: 3 });
    expect(menuKey('z', 0, labels)).toEqual({ kind: 'none' });
  });

  it('closes on Escape (back to the trigger) and Tab (focus moves on)', () => {
    expect(menuKey('Escape', 1, labels)).toEqual({ kind: 'close', restoreFocus: true });
    expect(menuKey('Tab', 1, labels)).toEqual({ kind: 'close', restoreFocus: false });
    expect(menuKey('Enter', 1, labels)).toEqual({ kind: 'activate' });
    expect(menuKey('Enter', -1, labels)).toEqual({ kind: 'none' });
  });
});

describe('placePopup', () => {
  const viewport = { width: 1000, height: 800 };
  it('opens below the anchor', () => {
    expect(placePopup({ left: 100, right: 200, top: 50, bottom: 80 }, { width: 220, height: 300 }, viewport)).toEqual({ left: 100, top: 84 });
  });
  it('shifts left at the right edge and flips above near the bottom', () => {
    expect(placePopup({ left: 900, right: 980, top: 700, bottom: 730 }, { width: 220, height: 300 }, viewport)).toEqual({ left: 772, top: 396 });
  });
});
