import type { ValueKind } from '../../../core/fields/field-type.ts';
import { fieldTypes } from '../../../core/fields/registry.ts';
import { DATE_MODES } from '../../../core/filter/date-operands.ts';
import { isDay } from '../../../core/filter/dates.ts';
import { WITHIN_PERIODS, type FilterOperator } from '../../../core/filter/operators.ts';
import { ME_TOKEN } from '../../../core/filter/resolved.ts';
import type { FilterCondition } from '../../../core/filter/tree.ts';
import type { GridField } from '../grid/types.ts';

/**
 * What the filter builder offers per field and operator: the field type's own operators
 * (core/fields declares them), the editor its value needs, a starting value, and whether a
 * condition is complete enough to filter. Pure, so it is unit-tested without a browser.
 */

/** The value editor a condition shows. */
export type ValueEditor =
  | 'none' | 'text' | 'texts' | 'number' | 'boolean' | 'date' | 'period'
  | 'choice' | 'choices' | 'user' | 'users';

export function kindOf(field: GridField): ValueKind {
  return fieldTypes[field.type].kind;
}

/** The operators this field's type accepts, in the type's order (the builder's dropdown). */
export function operatorsFor(field: GridField): readonly FilterOperator[] {
  return fieldTypes[field.type].operators;
}

const NO_VALUE = new Set<FilterOperator>(['isEmpty', 'isNotEmpty']);
const LISTS = new Set<FilterOperator>(['isAnyOf', 'isNoneOf', 'hasAnyOf', 'hasAllOf']);

export function valueEditorFor(kind: ValueKind, operator: FilterOperator): ValueEditor {
  if (NO_VALUE.has(operator)) return 'none';
  switch (kind) {
    case 'text': case 'attachment': return LISTS.has(operator) ? 'texts' : 'text';
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'date': return operator === 'isWithin' ? 'period' : 'date';
    case 'select': return LISTS.has(operator) ? 'choices' : 'choice';
    case 'multi': return 'choices';
    case 'user': return LISTS.has(operator) ? 'users' : 'user';
  }
}

/** The periods `isWithin` offers; the two "number of days" ones also need `n`. */
export const PERIODS = WITHIN_PERIODS;
export const PERIODS_WITH_DAYS = new Set<string>(['pastNumberOfDays', 'nextNumberOfDays']);
/** Relative and exact date operands (core/filter/date-operands.ts). */
export const DATE_OPERAND_MODES = DATE_MODES;
export const MODES_WITH_DAYS = new Set<string>(['daysAgo', 'daysFromNow']);

/** The value a fresh condition starts with for its editor: enough to filter at once where that makes sense. */
export function defaultValue(editor: ValueEditor): unknown {
  switch (editor) {
    case 'none': return undefined;
    case 'boolean': return true;
    case 'date': return { mode: 'today' };
    case 'period': return { period: 'thisWeek' };
    case 'texts': case 'choices': case 'users': return [];
    case 'user': return ME_TOKEN;
    default: return '';
  }
}

/** A new condition on a field: its type's first operator and that operator's starting value. */
export function newCondition(field: GridField): FilterCondition {
  const operator = operatorsFor(field)[0]!;
  return withValue({ field: field.id, operator }, defaultValue(valueEditorFor(kindOf(field), operator)));
}

function withValue(condition: FilterCondition, value: unknown): FilterCondition {
  const { value: _dropped, ...rest } = condition;
  return value === undefined ? rest : { ...rest, value };
}

/**
 * Another field or operator for a condition: the value stays when the new editor takes the
 * same shape (is → is not keeps "Acme"), else it starts afresh — a date is no number.
 */
export function changeCondition(condition: FilterCondition, next: { field?: GridField; operator?: FilterOperator }, currentField: GridField | undefined): FilterCondition {
  const field = next.field ?? currentField;
  if (!field) return condition;
  const operators = operatorsFor(field);
  const wanted = next.operator ?? condition.operator;
  const operator = operators.includes(wanted) ? wanted : operators[0]!;
  const before = currentField ? valueEditorFor(kindOf(currentField), condition.operator) : 'none';
  const after = valueEditorFor(kindOf(field), operator);
  const sameShape = before === after && (!next.field || !currentField || kindOf(currentField) === kindOf(field));
  return withValue({ field: field.id, operator }, sameShape ? condition.value : defaultValue(after));
}

/** Whether a condition has what its operator needs; incomplete ones are not saved yet. */
export function isConditionComplete(condition: FilterCondition, field: GridField | undefined): boolean {
  if (!field || !operatorsFor(field).includes(condition.operator)) return false;
  const value = condition.value;
  switch (valueEditorFor(kindOf(field), condition.operator)) {
    case 'none': return true;
    case 'boolean': return typeof value === 'boolean';
    case 'text': case 'choice': case 'user': return typeof value === 'string' && value !== '';
    case 'number': return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));
    case 'texts': case 'choices': case 'users': return Array.isArray(value) && value.length > 0;
    case 'date': return isDateOperandComplete(value);
    case 'period': return isPeriodComplete(value);
  }
}

function isDateOperandComplete(value: unknown): boolean {
  if (typeof value === 'string') return isDay(value);
  if (!value || typeof value !== 'object') return false;
  const { mode, n, date } = value as { mode?: unknown; n?: unknown; date?: unknown };
  if (typeof mode !== 'string' || !(DATE_MODES as readonly string[]).includes(mode)) return false;
  if (mode === 'exactDate') return typeof date === 'string' && isDay(date);
  return !MODES_WITH_DAYS.has(mode) || isDayCount(n);
}

function isPeriodComplete(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const { period, n } = value as { period?: unknown; n?: unknown };
  if (typeof period !== 'string' || !(WITHIN_PERIODS as readonly string[]).includes(period)) return false;
  return !PERIODS_WITH_DAYS.has(period) || isDayCount(n);
}

function isDayCount(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 36_500;
}
