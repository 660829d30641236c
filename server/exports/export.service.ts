import { Readable } from 'node:stream';
import { z } from 'zod';
import type { FormatContext } from '../../core/fields/field-type.ts';
import type { Actor } from '../auth/actor.ts';
import { requireTableAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { loadTableSchema } from '../tables/index.ts';
import { exportFileName } from './content-disposition.ts';
import { csvChunks } from './csv-export.ts';
import { selectForExport } from './export-rows.ts';
import { xlsxStream } from './xlsx-export.ts';

export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  view: z.string().min(1).max(100).optional(),
  encoding: z.enum(['utf-8', 'gbk']).default('utf-8'),
});

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Readable;
}

/**
 * GET /tables/:tableId/export: the table, or a view's records and visible fields, as CSV
 * (UTF-8 with BOM, or GBK) or .xlsx. The rows are chosen now; the body streams them page by
 * page with backpressure (a slow download holds the next page back, not the server).
 */
export function exportTable(ctx: AppContext, actor: Actor, tableId: string, query: Record<string, unknown>): ExportFile {
  const params = exportQuery.parse(query);
  requireTableAccess(ctx, actor, tableId, 'readRecords');
  const schema = loadTableSchema(ctx, tableId);
  const selection = selectForExport(ctx, actor, schema, params.view);
  const format = formatContext(ctx, actor, schema.baseId, schema.timeZone);
  const fileName = exportFileName(schema.table.name, selection.viewName, params.format);
  if (params.format === 'xlsx') {
    return {
      fileName,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: xlsxStream(ctx, selection, format, schema.table.name),
    };
  }
  return {
    fileName,
    contentType: `text/csv; charset=${params.encoding === 'gbk' ? 'gb18030' : 'utf-8'}`,
    body: Readable.from(csvChunks(ctx, selection, format, params.encoding)),
  };
}

/** Values as the person sees them: their locale, the base's zone, members' names for user fields. */
function formatContext(ctx: AppContext, actor: Actor, baseId: string, timeZone: string): FormatContext {
  const user = ctx.db.prepare('SELECT locale FROM users WHERE id = ?').get(actor.userId) as { locale: string | null } | undefined;
  let names: Map<string, string> | undefined;
  return {
    locale: user?.locale ?? 'en',
    timeZone,
    userName(userId) {
      names ??= new Map(memberNames(ctx, baseId));
      return names.get(userId);
    },
  };
}

/** Members' names by user id, as user fields show them. */
function memberNames(ctx: AppContext, baseId: string): Array<[string, string]> {
  return (ctx.db.prepare('SELECT u.id, u.name FROM base_members m JOIN users u ON u.id = m.user_id WHERE m.base_id = ?').all(baseId) as Array<{ id: string; name: string }>)
    .map((row) => [row.id, row.name]);
}
