import { describeInput, isBlankInput } from '../values/text.ts';
import type { FieldType } from './field-type.ts';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';
import { compareChoices, findChoiceName, selectOptions, withAddedChoices, type SelectOptions } from './select-choices.ts';
import { choiceText, coerceChoice } from './single-select.ts';
import { TEXT_COLUMN } from './text-common.ts';

/** How spreadsheets list several tags in one cell, in English and Chinese punctuation. */
const SEPARATORS = /[,;，；、\r\n]+/;

function splitNames(text: string, options: SelectOptions): string[] {
  // A choice whose name holds a separator ("Red, White") still matches whole.
  return findChoiceName(text.trim(), options.choices) ? [text] : text.split(SEPARATORS);
}

/** Names from stored JSON text, or null for anything that is not a list of strings. */
function parseStored(raw: unknown): string[] | null {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      if (error instanceof SyntaxError) return null; // bad stored data reads as empty
      throw error;
    }
  }
  if (!Array.isArray(value)) return null;
  const names = [...new Set(value.filter((item): item is string => typeof item === 'string' && item !== ''))];
  return names.length ? names : null;
}

/** Value: the chosen names in the order given, without duplicates; stored as a JSON array. */
export const multipleSelects: FieldType<SelectOptions, string[]> = {
  name: 'multipleSelects',
  options: selectOptions,
  storage: TEXT_COLUMN,
  kind: 'multi',
  readOnly: false,
  operators: OPERATORS_BY_KIND.multi,
  coerce(input, options, ctx) {
    if (isBlankInput(input)) return { ok: true, value: null };
    let items: unknown[];
    if (Array.isArray(input)) items = input;
    else if (ctx.typecast && typeof input === 'string') items = splitNames(input, options);
    else if (ctx.typecast && choiceText(input, ctx) !== undefined) items = [input];
    else return { ok: false, error: `expects a list of choice names, got ${describeInput(input)}` };

    const names: string[] = [];
    const added: string[] = [];
    // Names added by this input count as choices for the rest of it: "VIP, vip" adds one.
    const known = { ...options, choices: [...options.choices] };
    for (const item of items) {
      const text = choiceText(item, ctx);
      if (text === undefined) return { ok: false, error: `expects choice names, got ${describeInput(item)} in the list` };
      const result = coerceChoice(text, known, ctx);
      if (!result.ok) return result;
      if (result.value === null || names.includes(result.value)) continue;
      names.push(result.value);
      if (result.addChoices) {
        added.push(...result.addChoices);
        known.choices.push({ id: '', name: result.value, color: 'gray' });
      }
    }
    if (names.length === 0) return { ok: true, value: null };
    return added.length ? { ok: true, value: names, addChoices: added } : { ok: true, value: names };
  },
  addChoices: withAddedChoices,
  toStorage: (value) => (value && value.length ? JSON.stringify(value) : null),
  fromStorage: (raw) => parseStored(raw),
  format: (value) => (value ?? []).join(', '),
  compare(a, b, options) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = compareChoices(a[i]!, b[i]!, options);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  },
};
