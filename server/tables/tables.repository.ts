import type { Database, FieldRow, FieldsTable, TableRow, ViewsTable } from '../db/index.ts';

// Meta rows of tables and fields. Views are the views capability's; only the default
// grid view of a new table and the rows of a deleted table are written here.

export function findTable(db: Database, id: string): TableRow | undefined {
  return db.first(db.kysely.selectFrom('tables').selectAll().where('id', '=', id));
}

export function findTablesOfBase(db: Database, baseId: string): TableRow[] {
  return db.all(db.kysely.selectFrom('tables').selectAll().where('base_id', '=', baseId).orderBy('position').orderBy('id'));
}

export function insertTable(db: Database, row: TableRow): void {
  db.run(db.kysely.insertInto('tables').values(row));
}

export function updateTable(db: Database, id: string, update: { name?: string; position?: number; primary_field_id?: string }): void {
  db.run(db.kysely.updateTable('tables').set(update).where('id', '=', id));
}

/** Fields and views go with it (ON DELETE CASCADE); history and outbox rows do not reference it. */
export function deleteTableRows(db: Database, tableId: string): void {
  db.run(db.kysely.deleteFrom('outbox').where('table_id', '=', tableId));
  db.run(db.kysely.deleteFrom('record_history').where('table_id', '=', tableId));
  db.run(db.kysely.deleteFrom('tables').where('id', '=', tableId));
}

export function nextTablePosition(db: Database, baseId: string): number {
  const row = db.first(db.kysely.selectFrom('tables').select((eb) => eb.fn.max('position').as('max')).where('base_id', '=', baseId));
  return (row?.max ?? -1) + 1;
}

export function findFieldsOfTables(db: Database, tableIds: readonly string[]): FieldRow[] {
  if (tableIds.length === 0) return [];
  return db.all(db.kysely.selectFrom('fields').selectAll().where('table_id', 'in', tableIds).orderBy('position').orderBy('id'));
}

export function findFieldsOfTable(db: Database, tableId: string): FieldRow[] {
  return findFieldsOfTables(db, [tableId]);
}

export function insertField(db: Database, row: FieldsTable): void {
  db.run(db.kysely.insertInto('fields').values(row));
}

export function updateField(
  db: Database,
  id: string,
  update: { name?: string; type?: string; options?: string; description?: string | null },
): void {
  db.run(db.kysely.updateTable('fields').set(update).where('id', '=', id));
}

export function deleteFieldRow(db: Database, id: string): void {
  db.run(db.kysely.deleteFrom('fields').where('id', '=', id));
}

export function nextFieldPosition(db: Database, tableId: string): number {
  const row = db.first(db.kysely.selectFrom('fields').select((eb) => eb.fn.max('position').as('max')).where('table_id', '=', tableId));
  return (row?.max ?? -1) + 1;
}

export function insertView(db: Database, row: ViewsTable): void {
  db.run(db.kysely.insertInto('views').values(row));
}

/** Emails and names of users by id, for turning user values into text. */
export function findUsers(db: Database, ids: readonly string[]): Array<{ id: string; email: string; name: string }> {
  if (ids.length === 0) return [];
  const rows: Array<{ id: string; email: string; name: string }> = [];
  for (let start = 0; start < ids.length; start += 500) {
    rows.push(...db.all(db.kysely.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', ids.slice(start, start + 500))));
  }
  return rows;
}
