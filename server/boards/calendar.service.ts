import { sql, type SqlBool } from 'kysely';
import { DATE_ONLY } from '../../core/values/date-value.ts';
import { wallTimeToEpoch } from '../../core/values/time-zone.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { userTableName } from '../views/index.ts';
import { requireViewField, resolveBoardView } from './board-view.ts';
import { findBoardRows } from './boards.repository.ts';
import { toCard, type Card } from './cards.ts';
import { boardScope } from './stacks.service.ts';

export const DATE_FIELD_TYPES = ['date', 'createdTime', 'lastModifiedTime'] as const;

/** The longest range one request covers: a month view with the weeks around it. */
export const MAX_CALENDAR_DAYS = 62;
export const MAX_CALENDAR_RECORDS = 5000;

const DAY_MS = 86_400_000;

/**
 * The records of a calendar view whose date falls in [from, to) (calendar days in the
 * date field's zone, else the base's), in date order and then the view's sorts. Only that
 * range is read, through the date column's comparison (and its index when there is one).
 */
export function readCalendar(
  ctx: AppContext,
  actor: Actor,
  tableId: string,
  params: { viewId: string; from: string; to: string; limit: number },
): { records: Card[]; truncated: boolean; dateField: string } {
  for (const [name, day] of [['from', params.from], ['to', params.to]] as const) {
    if (!DATE_ONLY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new AppError('INVALID_REQUEST', `${name} must be a day like 2024-03-01, got ${JSON.stringify(day)}`);
  }
  const days = (Date.parse(`${params.to}T00:00:00Z`) - Date.parse(`${params.from}T00:00:00Z`)) / DAY_MS;
  if (days < 1 || days > MAX_CALENDAR_DAYS) throw new AppError('INVALID_REQUEST', `to must be 1 to ${MAX_CALENDAR_DAYS} days after from, got ${days}`);
  const limit = Math.min(params.limit, MAX_CALENDAR_RECORDS);
  const board = resolveBoardView(ctx, actor, tableId, params.viewId);
  const field = requireViewField(board, 'dateField', DATE_FIELD_TYPES);
  const options = field.options as { includeTime?: boolean; timeZone?: string };
  const zone = options.timeZone ?? board.schema.timeZone;
  // Instants are stored as UTC ISO text, days as 'YYYY-MM-DD': both compare as strings.
  const bound = (day: string) => (options.includeTime ? new Date(wallTimeToEpoch(wallOf(day), zone)).toISOString() : day);
  const column = sql.ref(`${userTableName(board.schema.table.id)}.${field.column}`);
  const inRange = sql<SqlBool>`${column} >= ${bound(params.from)} AND ${column} < ${bound(params.to)}`;
  const rows = findBoardRows(ctx.db, boardScope(board, inRange), {
    fields: board.cardFields, viewId: board.view.id, sorts: board.sorts, orderFirst: sql`${column} ASC`, offset: 0, limit: limit + 1,
  });
  return { records: rows.slice(0, limit).map((row) => toCard(board, row)), truncated: rows.length > limit, dateField: field.id };
}

function wallOf(day: string) {
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)), hour: 0, minute: 0, second: 0, millisecond: 0 };
}
