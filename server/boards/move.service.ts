import { sql, type SqlBool } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { findRow, writeRecords } from '../records/index.ts';
import { userTableName } from '../views/index.ts';
import { requireViewField, resolveBoardView, type BoardView } from './board-view.ts';
import { findMinRankAbove, findRank, findMaxRank, findUnrankedThrough, inStackSql, upsertRanks } from './boards.repository.ts';
import { toCard, type Card } from './cards.ts';
import { rankBetween, ranksAfter } from './rank.ts';
import { parseStackKey } from './stack-key.ts';
import { boardScope, STACK_FIELD_TYPES } from './stacks.service.ts';

export interface CardMove {
  viewId: string;
  recordId: number;
  /** The stack's key (GET …/stacks); the card's stack field takes its value. */
  toStack: string;
  /**
   * Where in the stack: after this card, or first (null). Left out, the card keeps its place
   * in the order. Ignored when the view has sorts: they decide the order.
   */
  afterId?: number | null;
}

/**
 * A card dragged to a stack and a place in it. The stack field changes through the write
 * path (history, outbox, live patches, origin `user`); the place is the card's rank in the
 * view's manual order. Both in one transaction, so a refused value moves nothing.
 */
export function moveCard(ctx: AppContext, actor: Actor, tableId: string, move: CardMove): { card: Card; rank: string | null } {
  const board = resolveBoardView(ctx, actor, tableId, move.viewId, 'writeRecords');
  const stackField = requireViewField(board, 'stackField', STACK_FIELD_TYPES);
  const value = parseStackKey(move.toStack);
  const tableKey = board.schema.table.id;
  const rank = ctx.db.transaction((): string | null => {
    const row = findRow(ctx.db, board.schema, move.recordId);
    if (!row) throw new AppError('NOT_FOUND', `record rec${move.recordId} not found`);
    const current = stackField.fieldType.fromStorage(row[stackField.column], stackField.options) as string | null;
    if ((current || null) !== value) {
      writeRecords(ctx, { tableId: tableKey, updates: [{ id: move.recordId, values: { [stackField.id]: value } }] }, { actor, origin: 'user', typecast: false });
    }
    if (move.afterId === undefined || board.sorts.length > 0 || move.afterId === move.recordId) return null;
    return placeCard(ctx, board, inStackSql(tableKey, stackField, value), move.recordId, move.afterId);
  });
  // Nobody else learns of a new rank from a record patch: the view's order changed.
  if (rank !== null) ctx.events.emit('schema', { baseId: board.schema.baseId, tableId: tableKey, kind: 'view', action: 'updated', id: board.view.id });
  const after = findRow(ctx.db, board.schema, move.recordId)!;
  return { card: toCard(board, after), rank };
}

/**
 * Ranks the card right after `afterId` (or first) among its stack's cards. Cards without
 * a rank sort after the ranked ones by id; dropping after one of them first ranks the run
 * of unranked cards up to it, so the order everyone saw is kept.
 */
function placeCard(ctx: AppContext, board: BoardView, inStack: ReturnType<typeof inStackSql>, recordId: number, afterId: number | null): string {
  const tableKey = board.schema.table.id;
  const viewId = board.view.id;
  const others = sql<SqlBool>`${inStack} AND ${sql.ref(`${userTableName(tableKey)}.id`)} != ${recordId}`;
  const scope = boardScope(board, others);
  let low: string | null = null;
  if (afterId !== null) {
    low = findRank(ctx.db, viewId, afterId) ?? null;
    if (low === null) {
      const unranked = findUnrankedThrough(ctx.db, scope, viewId, afterId);
      if (!unranked.includes(afterId)) throw new AppError('INVALID_REQUEST', `rec${afterId} is not a card of that stack`);
      const ranks = ranksAfter(findMaxRank(ctx.db, scope, viewId) ?? null, unranked.length);
      upsertRanks(ctx.db, viewId, unranked.map((id, index) => ({ recordId: id, rank: ranks[index]! })));
      low = ranks.at(-1)!;
    }
  }
  const high = findMinRankAbove(ctx.db, scope, viewId, low) ?? null;
  const rank = rankBetween(low, high);
  upsertRanks(ctx.db, viewId, [{ recordId, rank }]);
  return rank;
}
