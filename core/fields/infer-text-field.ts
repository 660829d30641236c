import type { StoredTypeName } from './field-type.ts';
import { normalizeEmail } from './email.ts';
import { parseBooleanInput } from '../values/parse-boolean.ts';
import { parseDateText } from '../values/parse-date.ts';
import { parseNumberText } from '../values/parse-number.ts';
import { parsePhone } from '../values/parse-phone.ts';

// The text half of type inference, shared by imports (server/imports/infer-type.ts, which
// adds typed .xlsx cells) and the grid's paste past the last column (app/components/grid).

export interface InferredField {
  type: StoredTypeName;
  options: Record<string, unknown>;
}

/** A column is of a type when this share of its filled cells reads as that type; the rest are reported. */
const MOSTLY = 0.8;
const MAX_SELECT_CHOICES = 30;
const MAX_CHOICE_LENGTH = 40;

// Header words that settle what numbers mean: "0.5" under 赢单概率 is 50%, "21128" under 预估金额 is ¥.
const PERCENT_HEADER = /率|概率|百分比|占比|percent|rate|probability|ratio|%/i;
const CURRENCY_HEADER = /金额|价格|单价|总价|售价|费用|收入|成本|预算|营收|回款|amount|price|revenue|cost|budget|salary|薪/i;
const PHONE_HEADER = /电话|手机|座机|联系方式|phone|mobile|tel\b|cell/i;
const CURRENCY_SIGN = /[¥￥$€£₩₹元]|RMB|CNY|USD|EUR/i;
const LIST_SEPARATOR = /[;；、]/;
const SENTENCE = /[,，。.!！?？:：]/;

/**
 * The field type a column of text cells reads as (empty cells left out by the caller), with
 * options: each type's parser is tried, the stricter types first; the header's words settle
 * what numbers mean.
 */
export function inferTextField(header: string, values: string[]): InferredField {
  const mostly = (test: (value: string) => boolean) => values.filter(test).length >= Math.max(1, MOSTLY * values.length);
  const numbers = values.map((value) => parseNumberText(value));
  const numeric = (i: number) => numbers[i]!.ok && (numbers[i] as { value: number | null }).value !== null;
  // A lone "-" is how accounting formats show nothing: it counts for no type.
  const blanks = numbers.filter((n) => n.ok && n.value === null).length;
  const mostlyNumeric = values.filter((_, i) => numeric(i)).length >= Math.max(1, MOSTLY * (values.length - blanks));

  if (values.every((v) => parseBooleanInput(v).ok) && values.some((v) => !/^[01]$/.test(v))) return { type: 'checkbox', options: {} };
  if (PHONE_HEADER.test(header) && mostly((v) => parsePhone(v).ok)) return { type: 'phoneNumber', options: {} };
  const dates = values.map((v) => parseDateText(v, { lenient: true }));
  if (dates.filter((d) => d.ok && d.value).length >= Math.max(1, MOSTLY * values.length)) {
    return { type: 'date', options: { includeTime: dates.some((d) => d.ok && d.value?.time !== undefined) } };
  }
  if (mostly(looksLikePhone)) return { type: 'phoneNumber', options: {} };
  if (mostlyNumeric && !values.some(isIdentifier)) {
    const withPercent = values.filter((v) => /%\s*$/.test(v)).length;
    const fractions = numbers.every((n) => !n.ok || n.value === null || Math.abs(n.value) <= 1);
    if (withPercent > 0 || (PERCENT_HEADER.test(header) && fractions)) {
      return percentField(numbers.map((n) => (n.ok && n.value !== null ? n.value : NaN)));
    }
    const sign = commonest(values.map((v) => CURRENCY_SIGN.exec(v)?.[0]));
    if (sign || CURRENCY_HEADER.test(header)) return { type: 'currency', options: { symbol: currencySymbol(sign), precision: 2 } };
    return { type: 'number', options: {} };
  }
  if (mostly((v) => normalizeEmail(v.replace(/^mailto:/i, '')) !== undefined)) return { type: 'email', options: {} };
  if (mostly((v) => /^(https?:\/\/|www\.)[^\s]+$/i.test(v))) return { type: 'url', options: {} };
  if (values.some((v) => /[\r\n]/.test(v) || v.length > 255)) return { type: 'longText', options: {} };
  // Lists: "重点;华东", "A、B", and "VIP, 渠道" as our own CSV export writes them.
  const separator = values.some((v) => LIST_SEPARATOR.test(v)) ? LIST_SEPARATOR : values.some((v) => v.includes(', ')) ? /,\s+/ : undefined;
  const multi = separator && selectChoices(values.flatMap((v) => v.split(separator).map((item) => item.trim()).filter(Boolean)));
  if (multi && multi.length <= Math.max(2, values.length)) return { type: 'multipleSelects', options: { choices: multi } };
  const single = selectChoices(values);
  if (single && values.length >= 4 && single.length <= values.length / 2 && !values.some((v) => SENTENCE.test(v))) {
    return { type: 'singleSelect', options: { choices: single } };
  }
  return { type: 'singleLineText', options: {} };
}

/** Codes with leading zeros or more digits than a double keeps (credit codes, accounts) stay text. */
function isIdentifier(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  return /^0\d/.test(value.trim()) || digits.length > 15;
}

/** +86 138 0013 8000, 138-0013-8001, 13800138002: separators or a Chinese mobile's shape, 7–15 digits. */
function looksLikePhone(value: string): boolean {
  if (!/^\+?[\d\s\-().]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  const shaped = /^\+/.test(value) || /\d[\s\-().]+\d/.test(value) || /^1[3-9]\d{9}$/.test(digits);
  return shaped && parsePhone(value).ok;
}

export function percentField(fractions: number[]): InferredField {
  // Decimals needed to show every value as entered: 0.125 is 12.5%, precision 1.
  const decimals = fractions.filter(Number.isFinite).map((f) => (String(Number.parseFloat((f * 100).toPrecision(12))).split('.')[1] ?? '').length);
  return { type: 'percent', options: { precision: Math.min(2, Math.max(0, ...decimals)) } };
}

function currencySymbol(sign: string | undefined): string {
  if (!sign || /^(RMB|CNY|元|￥)$/i.test(sign)) return '¥';
  if (/^USD$/i.test(sign)) return '$';
  if (/^EUR$/i.test(sign)) return '€';
  return sign;
}

/** Distinct values in order of first appearance, when few and short enough to be choices. */
function selectChoices(values: string[]): Array<{ name: string }> | undefined {
  const distinct = [...new Set(values.map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  if (!distinct.length || distinct.length > MAX_SELECT_CHOICES || distinct.some((v) => v.length > MAX_CHOICE_LENGTH)) return undefined;
  return distinct.map((name) => ({ name }));
}

export function commonest<T>(items: readonly (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const item of items) if (item !== undefined) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
