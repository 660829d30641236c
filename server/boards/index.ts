// Kanban, calendar and gallery reads and moves over a view (decisions 0070–0072): stacks
// with counts and sums, cards paged per stack, a manual card order, and date ranges.
export { readStacks, readStackCards, STACK_FIELD_TYPES, SUM_FIELD_TYPES, MAX_CARDS_PAGE, type Stack, type StacksResult } from './stacks.service.ts';
export { moveCard, type CardMove } from './move.service.ts';
export { readCalendar, DATE_FIELD_TYPES, MAX_CALENDAR_DAYS, MAX_CALENDAR_RECORDS } from './calendar.service.ts';
export type { Card } from './cards.ts';
export { stackKey } from './stack-key.ts';
