import { sql, type Kysely } from 'kysely';

// Frozen once landed. A kanban view's manual card order (decision 0070): one fractional rank
// per (view, record), used when the view has no sorts. Records without a rank follow the
// ranked ones in id order, so a view needs no row here until someone drags a card. Rows of
// deleted records are harmless (record ids are never reused) and go with their view.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('view_record_order')
    .addColumn('view_id', 'text', (c) => c.notNull().references('views.id').onDelete('cascade'))
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('rank', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('view_record_order_pk', ['view_id', 'record_id'])
    // The primary key is the only lookup besides the rank index: rows live in its b-tree.
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  await db.schema.createIndex('view_record_order_rank').on('view_record_order').columns(['view_id', 'rank']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('view_record_order').execute();
}
