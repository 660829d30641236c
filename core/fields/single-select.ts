import { describeInput, isBlankInput, quote } from '../values/text.ts';
import type { CoerceContext, CoerceResult, FieldType } from './field-type.ts';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';
import { compareChoices, findChoiceName, MAX_CHOICE_NAME, selectOptions, withAddedChoices, type SelectOptions } from './select-choices.ts';
import { TEXT_COLUMN, textFromStorage } from './text-common.ts';

/**
 * One choice name → the stored name. Errors never list the field's choices: a form
 * submitter may not be allowed to see them all.
 */
export function coerceChoice(name: string, options: SelectOptions, ctx: CoerceContext): CoerceResult<string> {
  // A pasted cell may wrap; a choice name is one line (it is a chip in the grid).
  const text = name.trim().replace(/\s*[\r\n]+\s*/g, ' ');
  if (text === '') return { ok: true, value: null };
  const found = findChoiceName(text, options.choices);
  if (found) return { ok: true, value: found };
  if (!ctx.typecast) return { ok: false, error: `${quote(text)} is not one of the field's choices` };
  if (text.length > MAX_CHOICE_NAME) return { ok: false, error: `${quote(text)} is longer than ${MAX_CHOICE_NAME} characters, too long for a choice` };
  return { ok: true, value: text, addChoices: [text] };
}

/** Choice names as text; typecast also takes numbers and booleans ("2024", "true"). */
export function choiceText(input: unknown, ctx: CoerceContext): string | undefined {
  if (typeof input === 'string') return input;
  if (ctx.typecast && (typeof input === 'number' || typeof input === 'boolean')) return String(input);
  return undefined;
}

export const singleSelect: FieldType<SelectOptions, string> = {
  name: 'singleSelect',
  options: selectOptions,
  storage: TEXT_COLUMN,
  kind: 'select',
  readOnly: false,
  operators: OPERATORS_BY_KIND.select,
  coerce(input, options, ctx) {
    if (isBlankInput(input)) return { ok: true, value: null };
    const text = choiceText(input, ctx);
    if (text === undefined) return { ok: false, error: `expects a choice name, got ${describeInput(input)}` };
    return coerceChoice(text, options, ctx);
  },
  addChoices: withAddedChoices,
  toStorage: (value) => value,
  fromStorage: (raw) => textFromStorage(raw),
  format: (value) => value ?? '',
  showsStoredText: true,
  compare: compareChoices,
};
