import { parsePhone } from '../values/parse-phone.ts';
import type { FieldType } from './field-type.ts';
import { textInput, textKind, type NoOptions } from './text-common.ts';

/**
 * Stored in one canonical form (see parsePhone) in both modes, so that "is" filters and
 * duplicate checks find "138-0013-8000" when someone typed "138 0013 8000".
 */
export const phoneNumber: FieldType<NoOptions, string> = {
  ...textKind,
  name: 'phoneNumber',
  coerce(input, _options, ctx) {
    const read = textInput(input, ctx);
    if (!read.ok) return read;
    if (read.text === null) return { ok: true, value: null };
    return parsePhone(read.text);
  },
};
