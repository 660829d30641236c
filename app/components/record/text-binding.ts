import type * as Y from 'yjs';

/** What the binding needs of a textarea; tests pass a plain object. */
export interface TextSurface {
  value: string;
  selectionStart: number;
  selectionEnd: number;
  setSelectionRange(start: number, end: number): void;
}

export interface TextDiff {
  index: number;
  remove: number;
  insert: string;
}

/** A Y.Text change as Yjs reports it: retain, insert or delete runs over the old text. */
export type TextDelta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The one edit turning `before` into `after`: what the keyboard just did. `caret` (where
 * the cursor is after the edit) settles runs of the same character: typing "a" into "a|a"
 * is an insert at 1, not at the end, which matters when someone else edits there too.
 * Never splits a surrogate pair (emoji), which Yjs would store as half a character.
 */
export function diffText(before: string, after: string, caret = after.length): TextDiff | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let end = 0;
  const endLimit = Math.min(max, Math.max(0, after.length - caret));
  while (end < endLimit && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  let start = 0;
  while (start < max - end && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // The caret limit may have cut the suffix short of what the prefix could not take either.
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLow(before.charCodeAt(before.length - end))) end--;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** Where a position in the old text is after `delta`. Text inserted exactly at it goes after it. */
export function transformPosition(position: number, delta: TextDelta): number {
  let old = 0;
  let moved = position;
  for (const op of delta) {
    if (old > position) break;
    if (op.retain !== undefined) old += op.retain;
    else if (op.insert !== undefined) {
      if (old < position) moved += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      if (old < position) moved -= Math.min(op.delete, position - old);
      old += op.delete;
    }
  }
  return moved;
}

/**
 * Binds a textarea to a Y.Text so two people can type in the same note. Local input is
 * applied as the minimal delete/insert (never "replace everything", which would wipe what
 * the other person typed meanwhile); remote changes are applied to the textarea with the
 * caret and selection moved through them. While an IME composes (pinyin before it becomes
 * 汉字), nothing is written either way: remote changes wait and are merged at compositionend,
 * because rewriting a textarea mid-composition breaks the composition.
 */
export class TextBinding {
  /** The text the surface showed at the last sync with the Y.Text. */
  private shadow: string;
  private composing = false;
  /** Remote changes since `shadow`, not yet shown. */
  private pending: TextDelta[] = [];
  private readonly observer: (event: Y.YTextEvent, transaction: Y.Transaction) => void;

  constructor(private readonly text: Y.Text, private readonly surface: TextSurface) {
    this.shadow = text.toString();
    surface.value = this.shadow;
    this.observer = (event, transaction) => {
      if (transaction.origin === this) return;
      this.pending.push(event.delta as TextDelta);
      if (!this.composing) this.sync();
    };
    text.observe(this.observer);
  }

  /** The textarea's `input` event. */
  input(): void {
    if (!this.composing) this.sync();
  }

  compositionStart(): void {
    this.composing = true;
  }

  compositionEnd(): void {
    this.composing = false;
    this.sync();
  }

  destroy(): void {
    this.text.unobserve(this.observer);
  }

  /** Writes the surface's own edit (moved through remote changes), then shows the merged text. */
  private sync(): void {
    const remote = this.pending;
    this.pending = [];
    const local = diffText(this.shadow, this.surface.value, this.surface.selectionEnd);
    if (!remote.length) {
      if (local) this.apply(local.index, local.remove, local.insert);
      this.shadow = this.surface.value;
      return;
    }
    const through = (position: number) => remote.reduce((at, delta) => transformPosition(at, delta), position);
    let selection = [this.surface.selectionStart, this.surface.selectionEnd] as const;
    if (local) {
      const index = through(local.index);
      const remove = Math.max(0, through(local.index + local.remove) - index);
      this.apply(index, remove, local.insert);
      // The caret was in the edited surface's coordinates; after a local edit it sits at its end.
      const caret = index + local.insert.length;
      selection = [caret, caret];
    } else {
      selection = [through(selection[0]), through(selection[1])];
    }
    const next = this.text.toString();
    if (this.surface.value !== next) this.surface.value = next;
    this.surface.setSelectionRange(Math.min(selection[0], next.length), Math.min(selection[1], next.length));
    this.shadow = next;
  }

  private apply(index: number, remove: number, insert: string): void {
    this.text.doc!.transact(() => {
      if (remove > 0) this.text.delete(index, remove);
      if (insert) this.text.insert(index, insert);
    }, this);
  }
}
