import { fieldTypes } from '../../../core/fields/registry.ts';
import { kitOf } from '../fields/index.ts';
import type { GridController } from './grid-controller.ts';

const isModified = (event: KeyboardEvent) => event.ctrlKey || event.metaKey || event.altKey;

/**
 * Typing Chinese (pinyin), Japanese or Korean into a cell that is not editing. An input
 * method only engages on an editable element that has focus before the first key; ag-grid
 * focuses the cell itself (a plain div), so the IME stays off and "nihao" would arrive as
 * Latin letters, the first of them opening the editor. So while a cell has focus, focus
 * rests in this transparent textarea inside it: keys still bubble to the grid (arrows,
 * Tab, Enter, F2, our shortcuts), and `compositionstart` fires here.
 *
 * The word is composed here, over the cell and styled as its editor (moving focus in the
 * middle of a composition makes real IMEs commit or drop it), and once the IME commits it
 * (`compositionend`) the cell's editor opens with the composed text, caret at the end, to
 * go on typing. Printable keys without an IME open the editor like ag-grid would: it
 * ignores keys whose target is inside the cell rather than the cell itself.
 */
export class ImeCatcher {
  readonly element: HTMLTextAreaElement;
  private composing = false;

  constructor(private readonly ctrl: GridController) {
    const element = document.createElement('textarea');
    element.className = 'ime-catcher';
    element.setAttribute('autocomplete', 'off');
    element.setAttribute('autocorrect', 'off');
    element.setAttribute('autocapitalize', 'off');
    element.spellcheck = false;
    element.tabIndex = -1;
    element.rows = 1;
    this.element = element;
  }

  attach(root: HTMLElement): () => void {
    const { element } = this;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as HTMLElement | null;
      if (!target?.classList.contains('ag-cell') || !target.classList.contains('field-cell')) return;
      // An editor closing hands focus to the next cell before the grid says it stopped.
      if (this.busy()) requestAnimationFrame(() => document.activeElement === target && this.home(target));
      else this.home(target);
    };
    // The focused cell re-rendered without us (a row moved, a block reloaded): follow it.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget || this.composing) return;
      requestAnimationFrame(() => {
        if (element.isConnected && document.activeElement === element) return;
        if (document.activeElement && document.activeElement !== document.body) return;
        const cell = root.querySelector<HTMLElement>('.ag-cell-focus.field-cell');
        if (cell) this.home(cell);
      });
    };
    const onKeyDown = (event: KeyboardEvent) => this.onKeyDown(event);
    const onCompositionStart = () => {
      this.composing = true;
      // Shown over the cell only where the word can go; elsewhere it is composed and dropped.
      if (this.editableFocus()) element.classList.add('composing');
    };
    const onCompositionEnd = () => {
      this.composing = false;
      element.classList.remove('composing');
      const text = element.value;
      element.value = '';
      if (text) this.edit(text);
    };
    // Text that arrives without a key or a composition (an emoji picker, dictation, an IME
    // that inserts directly) starts editing like a composed word. Anything else that lands
    // here (a paste, a key racing the editor's opening) is not a value: dropped.
    const onInput = (event: Event) => {
      const { isComposing, inputType } = event as InputEvent;
      if (isComposing || this.composing || this.busy()) return;
      const text = element.value;
      element.value = '';
      if (text && (inputType === 'insertText' || inputType === 'insertReplacementText')) this.edit(text);
    };
    root.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    element.addEventListener('keydown', onKeyDown);
    element.addEventListener('compositionstart', onCompositionStart);
    element.addEventListener('compositionend', onCompositionEnd);
    element.addEventListener('input', onInput);
    return () => {
      root.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
      element.removeEventListener('keydown', onKeyDown);
      element.removeEventListener('compositionstart', onCompositionStart);
      element.removeEventListener('compositionend', onCompositionEnd);
      element.removeEventListener('input', onInput);
      element.remove();
    };
  }

  /** Puts the catcher in the focused cell, with focus. */
  private home(cell: HTMLElement): void {
    const { ctrl, element } = this;
    if (!ctrl.setup.canEdit || this.busy()) return;
    if (element.parentElement !== cell) cell.appendChild(element);
    element.value = '';
    // Focus sits here, so screen readers announce this box: name it as the cell.
    const field = ctrl.fieldById.get(cell.getAttribute('col-id') ?? '');
    element.setAttribute('aria-label', `${field?.name ?? ''}: ${cell.textContent?.trim() ?? ''}`);
    element.focus({ preventScroll: true });
  }

  /** An editor is open (the grid's own word: its `cellEditingStopped` reaches us a tick late). */
  private busy(): boolean {
    return !!this.ctrl.api?.getEditingCells().length;
  }

  private onKeyDown(event: KeyboardEvent): void {
    // An IME's own keys (229 while it composes: letters, Space, Enter to pick a candidate)
    // must not move, open or commit anything in the grid.
    if (event.isComposing || event.keyCode === 229) {
      event.stopPropagation();
      return;
    }
    if ([...event.key].length !== 1 || event.key === ' ' || isModified(event)) return;
    const target = this.editableFocus();
    if (!target) return;
    // A printable key: the grid would open the editor for a key on the cell itself.
    event.preventDefault();
    this.ctrl.api?.startEditingCell({ rowIndex: target.rowIndex, colKey: target.fieldId, key: event.key });
  }

  /** Opens the focused cell's editor with text the IME composed. */
  private edit(text: string): void {
    const target = this.editableFocus();
    if (!target) return;
    this.ctrl.imeText = text;
    this.ctrl.api?.startEditingCell({ rowIndex: target.rowIndex, colKey: target.fieldId });
    // Not opened after all: the text must not surface in the next editor someone opens.
    if (!this.busy()) this.ctrl.imeText = null;
  }

  private editableFocus(): { rowIndex: number; fieldId: string } | undefined {
    const { ctrl } = this;
    const focused = ctrl.api?.getFocusedCell();
    const field = focused ? ctrl.fieldById.get(focused.column.getColId()) : undefined;
    if (!focused || !field || this.busy() || !ctrl.setup.canEdit) return undefined;
    if (fieldTypes[field.type].readOnly || !kitOf(field.type).Editor) return undefined;
    return { rowIndex: focused.rowIndex, fieldId: field.id };
  }
}
