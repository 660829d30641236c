import type { FieldType } from './field-type.ts';
import { textInput, textKind, type NoOptions } from './text-common.ts';

export const longText: FieldType<NoOptions, string> = {
  ...textKind,
  name: 'longText',
  coerce(input, _options, ctx) {
    const read = textInput(input, ctx);
    if (!read.ok) return read;
    // Not trimmed: long text is edited live as a Y.Text, and trimming on the server would
    // undo the space someone just typed at the end of a line.
    const text = read.text?.replace(/\r\n?/g, '\n');
    return { ok: true, value: text && text.trim() !== '' ? text : null };
  },
};
