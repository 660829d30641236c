import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { TextBinding, type TextSurface } from './text-binding.ts';

interface Props {
  id: string;
  /** The record doc's field map (synced). */
  fields: Y.Map<unknown>;
  fieldId: string;
  readOnly: boolean;
  describedBy?: string;
}

/** The DOM textarea as the binding's surface: caret moves only when it has focus, scroll stays put. */
function surfaceOf(element: HTMLTextAreaElement): TextSurface {
  return {
    get value() { return element.value; },
    set value(next: string) {
      const top = element.scrollTop;
      element.value = next;
      element.scrollTop = top;
    },
    get selectionStart() { return element.selectionStart; },
    get selectionEnd() { return element.selectionEnd; },
    setSelectionRange(start, end) {
      if (element.ownerDocument.activeElement === element) element.setSelectionRange(start, end);
    },
  };
}

/**
 * A long text that two people type in at once: an uncontrolled textarea bound to the
 * field's Y.Text (text-binding.ts). If the Y.Text is replaced (the server creates it for a
 * field added while the doc was open), the binding follows.
 */
export function CollaborativeTextarea({ id, fields, fieldId, readOnly, describedBy }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const binding = useRef<TextBinding | null>(null);
  const [text, setText] = useState(() => fields.get(fieldId));

  useEffect(() => {
    const onKeys = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(fieldId)) setText(fields.get(fieldId));
    };
    fields.observe(onKeys);
    setText(fields.get(fieldId));
    return () => fields.unobserve(onKeys);
  }, [fields, fieldId]);

  useEffect(() => {
    const element = ref.current;
    if (!element || !(text instanceof Y.Text)) return;
    binding.current = new TextBinding(text, surfaceOf(element));
    return () => {
      binding.current?.destroy();
      binding.current = null;
    };
  }, [text]);

  return (
    <textarea
      ref={ref}
      id={id}
      className="record-textarea"
      rows={4}
      readOnly={readOnly || !(text instanceof Y.Text)}
      aria-describedby={describedBy}
      onInput={() => binding.current?.input()}
      onCompositionStart={() => binding.current?.compositionStart()}
      onCompositionEnd={() => binding.current?.compositionEnd()}
    />
  );
}
