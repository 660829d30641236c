import { normalizeWidth, quote } from './text.ts';

/**
 * Lenient number parsing for paste, import and `typecast`: what people type in Chinese and
 * international spreadsheets. `value` is null for a blank cell or a lone dash (Excel's
 * accounting format shows zero and "nothing" as "-"). `percent` says whether the text
 * carried a % sign, already applied to `value` (so "12%" is 0.12).
 */
export type NumberParse =
  | { ok: true; value: number | null; percent: boolean }
  | { ok: false; error: string };

const SIGN_OR_SYMBOL = /^(?:[-+]|[¥$€£₩₹₽]|(?:US|HK|NT|A|C|S)\$|(?:RMB|CNY|USD|EUR|GBP|HKD|JPY)(?![a-z]))\s*/i;
const CURRENCY_SUFFIX = /\s*(?:[元块圆¥$€£]|RMB|CNY|USD|EUR|GBP|HKD|JPY)$/i;
const PERCENT_SUFFIX = /\s*%$/;
// Powers of ten: 万 and 亿 are how Chinese sales teams write amounts; k and M in English.
const MULTIPLIERS: Record<string, number> = { 万: 4, 亿: 8, 千: 3, 百万: 6, 千万: 7, k: 3, K: 3, M: 6 };
const MULTIPLIER_SUFFIX = /\s*(百万|千万|[万亿千kKM])$/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

// Most imported cells are plain numbers; they skip the lenient pipeline below.
const PLAIN_NUMBER = /^-?\d{1,15}(?:\.\d{1,15})?$/;

export function parseNumberText(text: string): NumberParse {
  if (PLAIN_NUMBER.test(text)) return { ok: true, value: Number(text) + 0, percent: false }; // + 0 turns -0 into 0
  const fail = { ok: false, error: `${quote(text)} is not a number` } as const;
  let s = normalizeWidth(text).trim().replace(DASHES, '-');
  if (s === '' || /^-+$/.test(s)) return { ok: true, value: null, percent: false };

  let negative = false;
  // Accounting negatives: (1,234) and ¥(1,234)
  const parens = /^([^()]*)\((.*)\)$/.exec(s);
  if (parens) {
    negative = true;
    s = `${parens[1]}${parens[2]}`.trim();
  }

  let signs = 0;
  for (let m = SIGN_OR_SYMBOL.exec(s); m; m = SIGN_OR_SYMBOL.exec(s)) {
    if (m[0].trim() === '-') negative = !negative;
    if (/^[-+]/.test(m[0]) && ++signs > 1) return fail;
    s = s.slice(m[0].length);
  }

  let percent = false;
  let scaled = false;
  let exponent = 0;
  for (let changed = true; changed; ) {
    changed = false;
    if (!percent && PERCENT_SUFFIX.test(s)) {
      percent = true;
      exponent -= 2;
      s = s.replace(PERCENT_SUFFIX, '');
      changed = true;
    }
    if (CURRENCY_SUFFIX.test(s)) {
      s = s.replace(CURRENCY_SUFFIX, '');
      changed = true;
    }
    const multiplier = MULTIPLIER_SUFFIX.exec(s);
    if (multiplier?.[1] && !scaled) {
      scaled = true;
      exponent += MULTIPLIERS[multiplier[1]] ?? 0;
      s = s.slice(0, multiplier.index);
      changed = true;
    }
  }

  const sci = /e([+-]?\d{1,3})$/i.exec(s);
  if (sci?.[1]) {
    exponent += Number(sci[1]);
    s = s.slice(0, sci.index);
  }
  const digits = splitDecimal(s.trim());
  if (!digits) return fail;
  // Scaling in the decimal string, not by multiplying, keeps 1.1万 exactly 11000.
  const value = Number(`${negative ? '-' : ''}${digits.int || '0'}.${digits.frac || '0'}e${exponent}`);
  if (!Number.isFinite(value)) return fail;
  return { ok: true, value: value === 0 ? 0 : value, percent };
}

/**
 * Which of `.` and `,` is the decimal mark. Both present: the last one. Only commas: a
 * single comma not followed by exactly three digits is a decimal comma ("1,5"), otherwise
 * commas group thousands ("1,000,000"). Several dots: grouping ("1.234.567").
 */
function splitDecimal(s: string): { int: string; frac: string } | undefined {
  if (!/^[\d.,' \u00a0\u202f]*\d[\d.,' \u00a0\u202f]*$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let decimalAt = -1;
  if (dots && commas) decimalAt = Math.max(lastDot, lastComma);
  else if (commas === 1 && !/,\d{3}$/.test(s)) decimalAt = lastComma;
  else if (dots === 1) decimalAt = lastDot;

  const intPart = decimalAt < 0 ? s : s.slice(0, decimalAt);
  const frac = decimalAt < 0 ? '' : s.slice(decimalAt + 1);
  if (!/^\d*$/.test(frac)) return undefined;
  const groups = intPart.split(/[.,' \u00a0\u202f]/);
  if (groups.length > 1) {
    // Thousands groups of three; Indian lakh grouping (1,00,000) has twos before the last.
    const [first, ...rest] = groups;
    const last = rest.pop();
    if (!first || !/^\d{1,3}$/.test(first) || last === undefined || !/^\d{3}$/.test(last)) return undefined;
    if (!rest.every((g) => /^\d{2,3}$/.test(g))) return undefined;
  }
  const int = groups.join('');
  if (!/^\d*$/.test(int) || (int === '' && frac === '')) return undefined;
  return { int, frac };
}

/** A JSON number or, with typecast, text; anything else is an error naming the input. */
export function parseNumberInput(input: unknown): NumberParse {
  if (typeof input === 'number') {
    return Number.isFinite(input)
      ? { ok: true, value: input, percent: false }
      : { ok: false, error: `${quote(input)} is not a finite number` };
  }
  if (typeof input === 'string') return parseNumberText(input);
  return { ok: false, error: `${quote(input)} is not a number` };
}
