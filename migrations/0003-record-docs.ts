import type { Kysely } from 'kysely';

// Frozen once landed. The Yjs state of each record doc (docs/decisions/0020): a collaboration
// cache whose truth is the row in `t_<tableId>`, stored so that every replica a client holds
// descends from one history. No foreign key: user tables are created at run time.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('record_docs')
    .addColumn('table_id', 'text', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('state', 'blob', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_docs_pk', ['table_id', 'record_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('record_docs').execute();
}
