/**
 * Small helpers every parser shares: width normalisation, blank detection and the way
 * error messages quote what the user sent.
 */

/**
 * Full-width forms (`１２３`, `￥`, `，`, `％`, `＠`) come from Chinese input methods;
 * NFKC folds them to their ASCII equivalents so one grammar parses both.
 */
export function normalizeWidth(text: string): string {
  return text.normalize('NFKC');
}

/** `null`, `undefined` and strings of only whitespace mean "no value" in every type. */
export function isBlankInput(input: unknown): boolean {
  return input === null || input === undefined || (typeof input === 'string' && input.trim() === '');
}

const MAX_QUOTED = 60;

/** The input as people should see it in an error: JSON-quoted strings, cut when long. */
export function quote(input: unknown): string {
  if (typeof input === 'string') {
    const cut = input.length > MAX_QUOTED ? `${input.slice(0, MAX_QUOTED)}…` : input;
    return JSON.stringify(cut);
  }
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') return String(input);
  if (input === null) return 'null';
  if (input === undefined) return 'undefined';
  if (Array.isArray(input)) return 'a list';
  return 'an object';
}

/** "string \"abc\"", "number 3", "a list" — for "expects X, got Y" errors in strict mode. */
export function describeInput(input: unknown): string {
  if (typeof input === 'string') return `string ${quote(input)}`;
  if (typeof input === 'number') return `number ${quote(input)}`;
  if (typeof input === 'boolean') return `boolean ${quote(input)}`;
  return quote(input);
}

/** Code-unit order: stable across machines and locales, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
