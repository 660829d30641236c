import type { FilterOperator } from '../filter/operators.ts';
import type { ValueKind } from './field-type.ts';

/**
 * The filter operators of each value kind. Types of one kind share one list, so the filter
 * compiler can work per kind and never needs a type name.
 */
export const OPERATORS_BY_KIND = {
  text: ['is', 'isNot', 'contains', 'doesNotContain', 'isAnyOf', 'isNoneOf', 'isEmpty', 'isNotEmpty'],
  number: ['=', '!=', '<', '<=', '>', '>=', 'isEmpty', 'isNotEmpty'],
  boolean: ['is'],
  date: ['is', 'isNot', 'isBefore', 'isAfter', 'isOnOrBefore', 'isOnOrAfter', 'isWithin', 'isEmpty', 'isNotEmpty'],
  select: ['is', 'isNot', 'isAnyOf', 'isNoneOf', 'isEmpty', 'isNotEmpty'],
  multi: ['hasAnyOf', 'hasAllOf', 'isNoneOf', 'is', 'isEmpty', 'isNotEmpty'],
  user: ['is', 'isNot', 'isAnyOf', 'isNoneOf', 'isEmpty', 'isNotEmpty'],
  attachment: ['isEmpty', 'isNotEmpty'],
} as const satisfies Record<ValueKind, readonly FilterOperator[]>;
