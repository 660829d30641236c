import { useEffect, useRef, useState } from 'react';
import type { CellEditorProps } from './cell-kit.ts';

/**
 * The editor of every type typed as text (text, numbers, email, URL, phone, rating): the
 * value goes to the grid as typed, and the field type's coerce (typecast) reads it on commit.
 */
export function TextEditor({ initialText, onChange, field }: CellEditorProps) {
  const [text, setText] = useState(initialText);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    onChange(initialText);
    const element = input.current;
    if (!element) return;
    element.focus();
    // A caret at the end, as in a spreadsheet after F2 or typing.
    element.setSelectionRange(initialText.length, initialText.length);
    // Only on opening: later changes go through the input's handler.
  }, []);
  return (
    <input
      ref={input}
      className="cell-input"
      aria-label={field.name}
      value={text}
      spellCheck={false}
      onChange={(event) => {
        setText(event.target.value);
        onChange(event.target.value);
      }}
    />
  );
}

/** The editor for long text: a tall text box over the cell; Shift/Alt+Enter adds a line. */
export function LongTextEditor({ initialText, onChange, field, cell }: CellEditorProps) {
  const [text, setText] = useState(initialText);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    onChange(initialText);
    const element = area.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(initialText.length, initialText.length);
    // Native: a new line must not reach the grid, which would commit on Enter.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.shiftKey || event.altKey)) return;
      event.stopPropagation();
      event.preventDefault();
      const { selectionStart, selectionEnd, value } = element;
      const next = `${value.slice(0, selectionStart)}\n${value.slice(selectionEnd)}`;
      element.value = next;
      element.setSelectionRange(selectionStart + 1, selectionStart + 1);
      setText(next);
      onChange(next);
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="long-text-editor">
      <textarea
        ref={area}
        aria-label={field.name}
        value={text}
        rows={6}
        onChange={(event) => {
          setText(event.target.value);
          onChange(event.target.value);
        }}
      />
      <p className="editor-hint">{cell.t('grid.longTextHint')}</p>
    </div>
  );
}
