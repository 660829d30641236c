import { z } from 'zod';
import { canonicalTimeZone } from '../../core/values/time-zone.ts';
import type { AppContext } from '../context.ts';
import { newId, type BaseRow } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireBaseAccess, requireScope, type Actor, type BaseRole } from '../auth/index.ts';
import { dropBaseTables } from '../tables/index.ts';
import { deleteBase as deleteBaseRow, findBase, findBasesOfUser, findTablesOfBases, insertBase, updateBase as updateBaseRow } from './bases.repository.ts';
import { insertMember } from './members.repository.ts';

/**
 * A base without a time zone gets UTC: the API cannot guess where a script runs, and UTC is
 * what API times are in. The UI sends the browser's zone when it creates a base.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

const nameSchema = z.string().trim().min(1, 'name the base').max(100);
const timeZoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine((zone) => canonicalTimeZone(zone) !== undefined, 'unknown time zone; use an IANA name such as Asia/Shanghai')
  .transform((zone) => canonicalTimeZone(zone)!);

export const createBaseInput = z.strictObject({ name: nameSchema, timeZone: timeZoneSchema.optional() });
export type CreateBaseInput = z.infer<typeof createBaseInput>;
export const updateBaseInput = z.strictObject({ name: nameSchema.optional(), timeZone: timeZoneSchema.optional() });
export type UpdateBaseInput = z.infer<typeof updateBaseInput>;

export interface BaseInfo {
  id: string;
  name: string;
  role: BaseRole;
  timeZone: string;
  createdAt: string;
}

export interface BaseWithTables extends BaseInfo {
  tables: { id: string; name: string }[];
}

function toInfo(row: BaseRow, role: BaseRole): BaseInfo {
  return { id: row.id, name: row.name, role, timeZone: row.time_zone, createdAt: row.created_at };
}

/** The bases the actor is a member of, narrowed to the ones its token is limited to. */
export function listBases(ctx: AppContext, actor: Actor): BaseInfo[] {
  requireScope(actor, 'schema.bases:read');
  return findBasesOfUser(ctx.db, actor.userId)
    .filter((row) => !actor.baseIds || actor.baseIds.has(row.id))
    .map((row) => toInfo(row, row.role as BaseRole));
}

/** The home page's view: every base with its tables, in two queries. */
export function listBasesWithTables(ctx: AppContext, actor: Actor): BaseWithTables[] {
  const bases = listBases(ctx, actor);
  const tables = findTablesOfBases(ctx.db, bases.map((base) => base.id));
  return bases.map((base) => ({
    ...base,
    tables: tables.filter((table) => table.base_id === base.id).map((table) => ({ id: table.id, name: table.name })),
  }));
}

export function createBase(ctx: AppContext, actor: Actor, input: CreateBaseInput): BaseInfo {
  requireScope(actor, 'schema.bases:write');
  if (actor.baseIds) throw new AppError('FORBIDDEN', 'a token limited to some bases cannot create bases');
  const now = new Date().toISOString();
  const row: BaseRow = { id: newId('base'), name: input.name, time_zone: input.timeZone ?? DEFAULT_TIME_ZONE, created_by: actor.userId, created_at: now };
  ctx.db.transaction(() => {
    insertBase(ctx.db, row);
    insertMember(ctx.db, { base_id: row.id, user_id: actor.userId, role: 'owner', created_at: now });
    recordAudit(ctx, { actorId: actor.userId, action: 'base.created', baseId: row.id, target: row.id, details: { name: row.name, timeZone: row.time_zone } });
  });
  return toInfo(row, 'owner');
}

export function getBase(ctx: AppContext, actor: Actor, baseId: string): BaseInfo {
  const role = requireBaseAccess(ctx, actor, baseId, 'readSchema');
  return toInfo(findBase(ctx.db, baseId)!, role);
}

export function updateBase(ctx: AppContext, actor: Actor, baseId: string, input: UpdateBaseInput): BaseInfo {
  const role = requireBaseAccess(ctx, actor, baseId, 'writeSchema');
  return ctx.db.transaction(() => {
    const before = findBase(ctx.db, baseId)!;
    const update: { name?: string; time_zone?: string } = {};
    const changes: Record<string, [string, string]> = {};
    if (input.name !== undefined && input.name !== before.name) {
      update.name = input.name;
      changes.name = [before.name, input.name];
    }
    if (input.timeZone !== undefined && input.timeZone !== before.time_zone) {
      update.time_zone = input.timeZone;
      changes.timeZone = [before.time_zone, input.timeZone];
    }
    if (Object.keys(update).length > 0) {
      updateBaseRow(ctx.db, baseId, update);
      recordAudit(ctx, { actorId: actor.userId, action: 'base.updated', baseId, target: baseId, details: changes });
    }
    return toInfo(findBase(ctx.db, baseId)!, role);
  });
}

/**
 * Deletes a base with its tables and their data in one transaction, then tells the live
 * side (table channels, record docs) that each table is gone.
 */
export function deleteBase(ctx: AppContext, actor: Actor, baseId: string): void {
  requireBaseAccess(ctx, actor, baseId, 'writeSchema');
  const droppedTables = ctx.db.transaction(() => {
    const base = findBase(ctx.db, baseId)!;
    const tableIds = dropBaseTables(ctx, baseId);
    deleteBaseRow(ctx.db, baseId);
    recordAudit(ctx, { actorId: actor.userId, action: 'base.deleted', baseId, target: baseId, details: { name: base.name, tables: tableIds.length } });
    return tableIds;
  });
  for (const tableId of droppedTables) ctx.events.emit('schema', { baseId, tableId, kind: 'table', action: 'deleted', id: tableId });
}
