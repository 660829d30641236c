import type { Kysely } from 'kysely';

// Frozen once landed. Which user tables have a search index (an FTS5 trigram table
// `s_<tableId>`, created on a table's first search), the fields it covers in column order,
// and whether its background build finished (decision 0061).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_indexes')
    .addColumn('table_id', 'text', (c) => c.primaryKey().references('tables.id').onDelete('cascade'))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('ready', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_indexes').execute();
}
