import { z } from 'zod';
import type { FilterGroup } from '../../core/filter/tree.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { toStoredRecord } from '../records/index.ts';
import { requireField, type TableSchema } from '../tables/table-schema.ts';
import { decodeCursor, encodeCursor, queryRecords, requireResolvedFilter, requireResolvedSorts } from '../views/index.ts';
import { requireView } from '../views/views.service.ts';
import { toApiRecords, type ApiRecord } from './record-json.ts';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

const listQuery = z.object({
  view: z.string().max(100).optional(),
  filter: z.string().max(100_000).optional(),
  sort: z.string().max(10_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  offset: z.string().max(500).optional(),
  returnFieldsByFieldId: z.enum(['true', 'false']).optional(),
});

/**
 * GET /tables/:tableId/records: the view's filter AND the request's filter, the request's
 * sorts (else the view's), then one page. The offset cursor is bound to this query.
 */
export function listRecords(ctx: AppContext, actor: Actor, schema: TableSchema, query: Record<string, unknown>): { records: ApiRecord[]; offset?: string } {
  const params = listQuery.parse(query);
  const view = params.view ? requireView(ctx, actor, params.view, 'readRecords') : undefined;
  if (view && view.row.table_id !== schema.table.id) throw new AppError('NOT_FOUND', 'view not found');
  const viewConfig = view ? (JSON.parse(view.row.config) as { filter?: FilterGroup | null; sorts?: unknown }) : {};

  const requestFilter = params.filter === undefined ? undefined : parseJson(params.filter, 'filter');
  const filters = [viewConfig.filter, requestFilter].filter((tree): tree is FilterGroup => Boolean(tree));
  const filterTree: FilterGroup | undefined =
    filters.length === 0 ? undefined : filters.length === 1 ? filters[0] : { conjunction: 'and', conditions: filters };
  const filter = filterTree ? requireResolvedFilter(schema, filterTree) : undefined;
  const sortInput = params.sort === undefined ? viewConfig.sorts : parseJson(params.sort, 'sort');
  const sorts = sortInput ? requireResolvedSorts(schema, sortInput) : [];

  const fieldKeys = fieldsParam(query);
  const fields = fieldKeys ? fieldKeys.map((key) => requireField(schema, key)) : schema.fields;
  const scope = JSON.stringify([schema.table.id, params.view ?? null, filterTree ?? null, sortInput ?? null]);
  const offset = params.offset ? decodeCursor(params.offset, { scope }) : 0;
  const page = queryRecords(
    ctx.db,
    { tableId: schema.table.id, fields: schema.fields, filter, sorts, fieldIds: fields.map((f) => f.id), limit: params.pageSize, offset },
    { now: new Date(), timeZone: schema.timeZone, userId: actor.userId },
  );
  const records = page.rows.map((row) => toStoredRecord(schema, row, fields));
  return {
    records: toApiRecords(ctx, records, { byFieldId: params.returnFieldsByFieldId === 'true', fields }),
    ...(page.nextOffset !== undefined ? { offset: encodeCursor(page.nextOffset, { scope }) } : {}),
  };
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('INVALID_REQUEST', `${name} is not valid JSON`);
  }
}

/** `fields[]=Name&fields[]=Stage` (or `fields=`), names or ids. */
function fieldsParam(query: Record<string, unknown>): string[] | undefined {
  const raw = query['fields[]'] ?? query.fields;
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > 500 || list.some((item) => typeof item !== 'string')) throw new AppError('INVALID_REQUEST', 'fields[] must be field names or ids');
  return list as string[];
}
