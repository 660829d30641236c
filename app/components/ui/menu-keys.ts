/** What a key does in an open menu (WAI-ARIA menu pattern), as a pure function of the state. */
export type MenuKeyResult =
  | { kind: 'move'; index: number }
  | { kind: 'activate' }
  | { kind: 'close'; restoreFocus: boolean }
  | { kind: 'none' };

/**
 * `labels` are the items' visible labels; `current` is the focused index (-1 for none).
 * Arrows wrap, Home/End jump, a printable character jumps to the next item starting with
 * it (Chinese labels too: their first character), Esc closes back to the trigger, Tab
 * closes and lets focus move on.
 */
export function menuKey(key: string, current: number, labels: readonly string[]): MenuKeyResult {
  const count = labels.length;
  if (count === 0) return key === 'Escape' || key === 'Tab' ? { kind: 'close', restoreFocus: key === 'Escape' } : { kind: 'none' };
  switch (key) {
    case 'ArrowDown': return { kind: 'move', index: (current + 1 + count) % count };
    case 'ArrowUp': return { kind: 'move', index: current <= 0 ? count - 1 : current - 1 };
    case 'Home': return { kind: 'move', index: 0 };
    case 'End': return { kind: 'move', index: count - 1 };
    case 'Enter':
    case ' ': return current >= 0 ? { kind: 'activate' } : { kind: 'none' };
    case 'Escape': return { kind: 'close', restoreFocus: true };
    case 'Tab': return { kind: 'close', restoreFocus: false };
  }
  if ([...key].length !== 1) return { kind: 'none' };
  const wanted = key.toLocaleLowerCase();
  for (let step = 1; step <= count; step++) {
    const index = (current + step) % count;
    if (labels[index]!.trim().toLocaleLowerCase().startsWith(wanted)) return { kind: 'move', index };
  }
  return { kind: 'none' };
}

/** Where a popup of `size` goes under `anchor`, flipped or shifted to stay in the viewport. */
export function placePopup(
  anchor: { left: number; top: number; bottom: number; right: number },
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 8,
): { left: number; top: number } {
  let left = anchor.left;
  if (left + size.width > viewport.width - margin) left = Math.max(margin, viewport.width - margin - size.width);
  let top = anchor.bottom + 4;
  if (top + size.height > viewport.height - margin && anchor.top - 4 - size.height >= margin) top = anchor.top - 4 - size.height;
  return { left: Math.max(margin, left), top: Math.max(margin, top) };
}
