import { normalizeWidth, quote } from './text.ts';

/**
 * What spreadsheets put in a yes/no column. "x" marks a ticked box; "×" is the Chinese
 * "wrong" mark, the opposite of "√", so it means no. Blank means unchecked.
 */
const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', 'on', 'checked', 'x', '是', '对', '有', '✓', '✔', '√', '☑', '✅'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', 'off', 'unchecked', '否', '错', '无', '不是', '×', '✗', '✘', '☐', '❌'];
const TRUTHY = new Set(TRUE_WORDS);
const FALSY = new Set(FALSE_WORDS);

export type BooleanParse = { ok: true; value: boolean } | { ok: false; error: string };

export function parseBooleanInput(input: unknown): BooleanParse {
  if (input === null || input === undefined) return { ok: true, value: false };
  if (typeof input === 'boolean') return { ok: true, value: input };
  if (input === 1 || input === 0) return { ok: true, value: input === 1 };
  if (typeof input === 'string') {
    const word = normalizeWidth(input).trim().toLowerCase();
    if (word === '' || FALSY.has(word)) return { ok: true, value: false };
    if (TRUTHY.has(word)) return { ok: true, value: true };
  }
  return { ok: false, error: `${quote(input)} is not a yes/no value (use true/false, yes/no, 是/否 or 1/0)` };
}
