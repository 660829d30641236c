import { Router, type Request } from 'express';
import { formatRecordId } from '../../core/record-id.ts';
import type { Actor } from '../auth/actor.ts';
import { requireTableAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { ChangeOrigin } from '../events/index.ts';
import { findHistory, findRow, toStoredRecord, writeRecords, type StoredRecord } from '../records/index.ts';
import { loadTableSchema, type TableSchema } from '../tables/table-schema.ts';
import { toApiRecords } from './record-json.ts';
import {
  createRecordsBody, MAX_RECORDS_PER_REQUEST, recordIdsFromQuery, requireRecordId, toFieldIds, updateRecordBody, updateRecordsBody,
} from './record-input.ts';
import { listRecords } from './records-list.ts';
import { param, parseBody, requireActor } from './request.ts';

export function recordsRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/tables/:tableId/records', (req, res) => {
    const actor = requireActor(req);
    const { table } = requireTableAccess(ctx, actor, param(req, 'tableId'), 'readRecords');
    res.json(listRecords(ctx, actor, loadTableSchema(ctx, table.id), req.query));
  });

  router.get('/tables/:tableId/records/:recordId', (req, res) => {
    const actor = requireActor(req);
    const { table } = requireTableAccess(ctx, actor, param(req, 'tableId'), 'readRecords');
    const schema = loadTableSchema(ctx, table.id);
    const id = requireRecordId(param(req, 'recordId'));
    const row = findRow(ctx.db, schema, id);
    if (!row) throw new AppError('NOT_FOUND', `record ${formatRecordId(id)} not found`);
    res.json(respond(ctx, schema, [toStoredRecord(schema, row)], req.query.returnFieldsByFieldId === 'true')[0]);
  });

  router.get('/tables/:tableId/records/:recordId/history', (req, res) => {
    const actor = requireActor(req);
    const { table } = requireTableAccess(ctx, actor, param(req, 'tableId'), 'readRecords');
    const id = requireRecordId(param(req, 'recordId'));
    res.json({ history: findHistory(ctx.db, table.id, id) });
  });

  router.post('/tables/:tableId/records', (req, res) => {
    const { actor, schema } = forWrite(ctx, req);
    const body = parseBody(createRecordsBody, req);
    const creates = body.records.map((record, index) => toFieldIds(schema, record.fields, index));
    const result = writeRecords(ctx, { tableId: schema.table.id, creates }, writeOptions(actor, body.typecast));
    res.json({ records: respond(ctx, schema, result.created, body.returnFieldsByFieldId) });
  });

  router.patch('/tables/:tableId/records', (req, res) => {
    const { actor, schema } = forWrite(ctx, req);
    const body = parseBody(updateRecordsBody, req);
    const updates = body.records.map((record, index) => ({ id: requireRecordId(record.id), values: toFieldIds(schema, record.fields, index) }));
    const result = writeRecords(ctx, { tableId: schema.table.id, updates }, writeOptions(actor, body.typecast));
    res.json({ records: respond(ctx, schema, result.updated, body.returnFieldsByFieldId) });
  });

  router.patch('/tables/:tableId/records/:recordId', (req, res) => {
    const { actor, schema } = forWrite(ctx, req);
    const body = parseBody(updateRecordBody, req);
    const updates = [{ id: requireRecordId(param(req, 'recordId')), values: toFieldIds(schema, body.fields, 0) }];
    const result = writeRecords(ctx, { tableId: schema.table.id, updates }, writeOptions(actor, body.typecast));
    res.json(respond(ctx, schema, result.updated, body.returnFieldsByFieldId)[0]);
  });

  router.delete('/tables/:tableId/records', (req, res) => {
    const { actor, schema } = forWrite(ctx, req);
    const deletes = recordIdsFromQuery(req.query);
    const result = writeRecords(ctx, { tableId: schema.table.id, deletes }, writeOptions(actor, false));
    res.json({ records: result.deleted.map((id) => ({ id: formatRecordId(id), deleted: true })) });
  });

  router.delete('/tables/:tableId/records/:recordId', (req, res) => {
    const { actor, schema } = forWrite(ctx, req);
    const id = requireRecordId(param(req, 'recordId'));
    writeRecords(ctx, { tableId: schema.table.id, deletes: [id] }, writeOptions(actor, false));
    res.json({ id: formatRecordId(id), deleted: true });
  });

  return router;
}

/** Permission first (so strangers learn nothing), then the batch size, then the body. */
function forWrite(ctx: AppContext, req: Request): { actor: Actor; schema: TableSchema } {
  const actor = requireActor(req);
  const { table } = requireTableAccess(ctx, actor, param(req, 'tableId'), 'writeRecords');
  const records = (req.body as { records?: unknown } | undefined)?.records;
  if (Array.isArray(records) && records.length > MAX_RECORDS_PER_REQUEST) {
    throw new AppError('TOO_LARGE', `at most ${MAX_RECORDS_PER_REQUEST} records per request, got ${records.length}`);
  }
  return { actor, schema: loadTableSchema(ctx, table.id) };
}

function writeOptions(actor: Actor, typecast: boolean | undefined) {
  const origin: ChangeOrigin = actor.via === 'token' ? 'api' : 'user';
  return { actor, origin, typecast: typecast ?? false };
}

function respond(ctx: AppContext, schema: TableSchema, records: StoredRecord[], byFieldId = false) {
  return toApiRecords(ctx, records, { byFieldId, fields: schema.fields });
}
