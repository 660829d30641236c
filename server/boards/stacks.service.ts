import type { StackJson, StacksJson } from '../../core/views/rows-json.ts';
import type { Actor } from '../auth/actor.ts';
import { listMembers } from '../bases/index.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { FieldDef } from '../tables/table-schema.ts';
import { requireViewField, resolveBoardView, type BoardView } from './board-view.ts';
import { countRows, findBoardRows, groupStacks, inStackSql, type BoardScope } from './boards.repository.ts';
import { toCard, type Card } from './cards.ts';
import { parseStackKey, stackKey } from './stack-key.ts';

/** Field types a kanban stacks by, and those it sums per stack. */
export const STACK_FIELD_TYPES = ['singleSelect', 'user'] as const;
export const SUM_FIELD_TYPES = ['number', 'currency', 'percent', 'rating'] as const;

/** Most cards one request returns per stack. */
export const MAX_CARDS_PAGE = 500;

export type Stack = StackJson<Card>;
export type StacksResult = StacksJson<Card>;

function boardScope(board: BoardView, extra?: BoardScope['extra']): BoardScope {
  return { tableId: board.schema.table.id, filter: board.filter, filterCtx: board.filterCtx, extra };
}

/** The values a stack field offers, in their order: choices in choice order, members in member order. */
function knownValues(ctx: AppContext, actor: Actor, board: BoardView, field: FieldDef): string[] {
  if (field.type === 'user') return listMembers(ctx, actor, board.schema.baseId).map((member) => member.userId);
  const choices = (field.options as { choices?: Array<{ name: string }> }).choices ?? [];
  return choices.map((choice) => choice.name);
}

/**
 * A kanban view's stacks: "(empty)" first, then every choice (or member) in order, then any
 * other value rows still hold; each with its count and the sum of the view's sum field, from
 * one GROUP BY over the rows passing the view's filter. With `cards`, each stack's first
 * cards in the view's order too, so a board paints from one request.
 */
export function readStacks(ctx: AppContext, actor: Actor, tableId: string, params: { viewId: string; cards: number }): StacksResult {
  const board = resolveBoardView(ctx, actor, tableId, params.viewId);
  const stackField = requireViewField(board, 'stackField', STACK_FIELD_TYPES);
  const sumField = board.view.sumField ? requireViewField(board, 'sumField', SUM_FIELD_TYPES) : undefined;
  const scope = boardScope(board);
  const groups = new Map(groupStacks(ctx.db, scope, stackField, sumField).map((group) => [group.value, group]));
  const known = knownValues(ctx, actor, board, stackField);
  const others = [...groups.keys()].filter((value): value is string => value !== null && !known.includes(value)).sort();
  let stacks: Stack[] = [
    ...[null, ...known].map((value) => ({ value, known: true })),
    ...others.map((value) => ({ value, known: false })),
  ].map(({ value, known: isKnown }) => {
    const group = groups.get(value);
    return { key: stackKey(value), value, known: isKnown, count: group?.count ?? 0, sum: group?.sum ?? (sumField ? 0 : null) };
  });
  if (board.view.hideEmptyStacks) stacks = stacks.filter((stack) => stack.count > 0);
  if (params.cards > 0) {
    for (const stack of stacks) stack.cards = stack.count ? stackCards(ctx, board, stackField, stack.value, 0, params.cards) : [];
  }
  return { stackField: stackField.id, sumField: sumField?.id ?? null, total: stacks.reduce((sum, stack) => sum + stack.count, 0), stacks };
}

/** A page of one stack's cards in the view's order, and how many the stack holds. */
export function readStackCards(
  ctx: AppContext,
  actor: Actor,
  tableId: string,
  params: { viewId: string; stack: string; start: number; limit: number },
): { cards: Card[]; count: number } {
  if (params.limit > MAX_CARDS_PAGE) throw new AppError('INVALID_REQUEST', `limit must be at most ${MAX_CARDS_PAGE}`);
  const board = resolveBoardView(ctx, actor, tableId, params.viewId);
  const stackField = requireViewField(board, 'stackField', STACK_FIELD_TYPES);
  const value = parseStackKey(params.stack);
  return {
    cards: stackCards(ctx, board, stackField, value, params.start, params.limit),
    count: countRows(ctx.db, boardScope(board, inStackSql(board.schema.table.id, stackField, value))),
  };
}

function stackCards(ctx: AppContext, board: BoardView, stackField: FieldDef, value: string | null, offset: number, limit: number): Card[] {
  const scope = boardScope(board, inStackSql(board.schema.table.id, stackField, value));
  const rows = findBoardRows(ctx.db, scope, { fields: board.cardFields, viewId: board.view.id, sorts: board.sorts, offset, limit });
  return rows.map((row) => toCard(board, row));
}

export { boardScope };
