import type { ValueKind } from '../fields/field-type.ts';
import type { FilterOperator } from './operators.ts';
import { ME_TOKEN, type Predicate } from './resolved.ts';
import { parseDateOperand, parsePeriod, plusDays, type Parsed } from './date-operands.ts';
import { asciiLower } from './text.ts';
import { describeValue } from './describe.ts';

/** Longer lists are refused: each element becomes a bound SQL parameter. */
export const MAX_LIST_VALUES = 500;

type Build = (operator: FilterOperator, value: unknown) => Parsed<Predicate>;

const ok = (value: Predicate): Parsed<Predicate> => ({ ok: true, value });
const NEGATED = new Set<FilterOperator>(['isNot', '!=', 'doesNotContain', 'isNoneOf']);
const empty = (operator: FilterOperator): Predicate => ({ test: 'empty', negate: operator === 'isNotEmpty' });

function parseString(value: unknown): Parsed<string> {
  // Numbers are accepted for text so that `{"field": "Phone", "operator": "contains", "value": 138}` works.
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value) };
  return { ok: false, error: `needs a string; got ${describeValue(value)}` };
}

function parseNumber(value: unknown): Parsed<number> {
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return { ok: true, value: Number(value) };
  }
  return { ok: false, error: `needs a number; got ${describeValue(value)}` };
}

function parseList<T>(value: unknown, element: (item: unknown) => Parsed<T>, what: string): Parsed<T[]> {
  if (!Array.isArray(value)) return { ok: false, error: `needs an array of ${what}; got ${describeValue(value)}` };
  if (value.length > MAX_LIST_VALUES) return { ok: false, error: `accepts at most ${MAX_LIST_VALUES} values; got ${value.length}` };
  const items: T[] = [];
  for (const [index, item] of value.entries()) {
    const parsed = element(item);
    if (!parsed.ok) return { ok: false, error: `needs an array of ${what}; element ${index} is ${describeValue(item)}` };
    items.push(parsed.value);
  }
  return { ok: true, value: [...new Set(items)] };
}

const strictString = (value: unknown): Parsed<string> =>
  typeof value === 'string' ? { ok: true, value } : { ok: false, error: `needs a string; got ${describeValue(value)}` };

function parseBoolean(value: unknown): Parsed<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  if (value === 1 || value === 0) return { ok: true, value: value === 1 };
  return { ok: false, error: `needs true or false; got ${describeValue(value)}` };
}

const text: Build = (operator, value) => {
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return ok(empty(operator));
  const negate = NEGATED.has(operator);
  if (operator === 'contains' || operator === 'doesNotContain') {
    const needle = parseString(value);
    return needle.ok ? ok({ test: 'textContains', needle: asciiLower(needle.value), negate }) : needle;
  }
  const values = operator === 'isAnyOf' || operator === 'isNoneOf'
    ? parseList(value, parseString, 'strings')
    : mapParsed(parseString(value), (one) => [one]);
  return values.ok ? ok({ test: 'textIn', values: [...new Set(values.value.map(asciiLower))], negate }) : values;
};

const number: Build = (operator, value) => {
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return ok(empty(operator));
  if (operator === '<' || operator === '<=' || operator === '>' || operator === '>=') {
    const parsed = parseNumber(value);
    return parsed.ok ? ok({ test: 'numberCompare', cmp: operator, value: parsed.value }) : parsed;
  }
  const values = operator === 'isAnyOf' || operator === 'isNoneOf'
    ? parseList(value, parseNumber, 'numbers')
    : mapParsed(parseNumber(value), (one) => [one]);
  return values.ok ? ok({ test: 'numberIn', values: values.value, negate: NEGATED.has(operator) }) : values;
};

const boolean: Build = (operator, value) => {
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return ok({ test: 'checked', value: operator === 'isNotEmpty' });
  const parsed = parseBoolean(value);
  return parsed.ok ? ok({ test: 'checked', value: NEGATED.has(operator) ? !parsed.value : parsed.value }) : parsed;
};

const date: Build = (operator, value) => {
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return ok(empty(operator));
  if (operator === 'isWithin') {
    const period = parsePeriod(value);
    return period.ok ? ok({ test: 'dateRange', ...period.value, negate: false }) : period;
  }
  const parsed = parseDateOperand(value);
  if (!parsed.ok) return parsed;
  const day = parsed.value;
  const next = plusDays(day, 1);
  switch (operator) {
    case 'is': case '=': case 'isNot': case '!=':
      return ok({ test: 'dateRange', from: day, to: next, negate: NEGATED.has(operator) });
    case 'isBefore': case '<': return ok({ test: 'dateRange', from: null, to: day, negate: false });
    case 'isOnOrBefore': case '<=': return ok({ test: 'dateRange', from: null, to: next, negate: false });
    case 'isAfter': case '>': return ok({ test: 'dateRange', from: next, to: null, negate: false });
    default: return ok({ test: 'dateRange', from: day, to: null, negate: false });
  }
};

/** Select choices and user ids: exact strings; users may say `@me`. */
const exact = (allowMe: boolean): Build => (operator, value) => {
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return ok(empty(operator));
  const values = operator === 'isAnyOf' || operator === 'isNoneOf'
    ? parseList(value, strictString, 'strings')
    : mapParsed(strictString(value), (one) => [one]);
  if (!values.ok) return values;
  const includesMe = allowMe && values.value.includes(ME_TOKEN);
  const rest = includesMe ? values.value.filter((v) => v !== ME_TOKEN) : values.value;
  return ok({ test: 'equals', values: rest, includesMe, negate: NEGATED.has(operator) });
};

const multi: Build = (operator, value) => {
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return ok(empty(operator));
  const values = parseList(value, strictString, 'strings');
  if (!values.ok) return values;
  const test = operator === 'hasAllOf' ? 'hasAll' : operator === 'is' || operator === 'isNot' ? 'sameSet' : 'hasAny';
  return ok({ test, values: values.value, negate: NEGATED.has(operator) });
};

const attachment: Build = (operator, value) => {
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return ok(empty(operator));
  const needle = parseString(value);
  return needle.ok ? ok({ test: 'filenameContains', needle: asciiLower(needle.value), negate: NEGATED.has(operator) }) : needle;
};

/**
 * What the filter engine can do per kind. A type's own `operators` list (the API contract)
 * decides what it accepts; it must be a subset of these.
 */
export const SUPPORTED_OPERATORS: Record<ValueKind, readonly FilterOperator[]> = {
  text: ['is', 'isNot', '=', '!=', 'contains', 'doesNotContain', 'isAnyOf', 'isNoneOf', 'isEmpty', 'isNotEmpty'],
  number: ['=', '!=', 'is', 'isNot', '<', '<=', '>', '>=', 'isAnyOf', 'isNoneOf', 'isEmpty', 'isNotEmpty'],
  boolean: ['is', 'isNot', '=', '!=', 'isEmpty', 'isNotEmpty'],
  date: ['is', 'isNot', '=', '!=', 'isBefore', 'isAfter', 'isOnOrBefore', 'isOnOrAfter', '<', '<=', '>', '>=', 'isWithin', 'isEmpty', 'isNotEmpty'],
  select: ['is', 'isNot', '=', '!=', 'isAnyOf', 'isNoneOf', 'isEmpty', 'isNotEmpty'],
  user: ['is', 'isNot', '=', '!=', 'isAnyOf', 'isNoneOf', 'isEmpty', 'isNotEmpty'],
  multi: ['is', 'isNot', 'hasAnyOf', 'isAnyOf', 'hasAllOf', 'isNoneOf', 'isEmpty', 'isNotEmpty'],
  attachment: ['contains', 'doesNotContain', 'isEmpty', 'isNotEmpty'],
};

const BUILDERS: Record<ValueKind, Build> = {
  text, number, boolean, date, select: exact(false), user: exact(true), multi, attachment,
};

/** Builds the predicate; the operator must be one of SUPPORTED_OPERATORS[kind]. */
export function buildPredicate(kind: ValueKind, operator: FilterOperator, value: unknown): Parsed<Predicate> {
  return BUILDERS[kind](operator, value);
}

function mapParsed<T, U>(parsed: Parsed<T>, map: (value: T) => U): Parsed<U> {
  return parsed.ok ? { ok: true, value: map(parsed.value) } : parsed;
}
