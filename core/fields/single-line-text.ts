import type { FieldType } from './field-type.ts';
import { textInput, textKind, type NoOptions } from './text-common.ts';

const HAS_LINE_BREAK = /[\r\n\u2028\u2029]/;
const LINE_BREAKS = /\s*[\r\n\u2028\u2029]+\s*/g;

export const singleLineText: FieldType<NoOptions, string> = {
  ...textKind,
  name: 'singleLineText',
  coerce(input, _options, ctx) {
    const read = textInput(input, ctx);
    if (!read.ok) return read;
    const text = read.text?.trim();
    if (!text) return { ok: true, value: null };
    if (HAS_LINE_BREAK.test(text)) {
      // A pasted cell with a line break is still one value; typed JSON with one is a mistake.
      if (!ctx.typecast) return { ok: false, error: 'single line text cannot contain line breaks' };
      return { ok: true, value: text.replace(LINE_BREAKS, ' ') };
    }
    return { ok: true, value: text };
  },
};
