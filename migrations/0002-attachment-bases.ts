import type { Kysely } from 'kysely';

// Frozen once landed. An attachment is content-addressed, so the same file can be uploaded
// to several bases; access follows the bases it was uploaded to, hence a join table rather
// than a base_id column on `attachments`.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachment_bases')
    .addColumn('hash', 'text', (c) => c.notNull().references('attachments.hash').onDelete('cascade'))
    .addColumn('base_id', 'text', (c) => c.notNull().references('bases.id').onDelete('cascade'))
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attachment_bases_pk', ['hash', 'base_id'])
    .execute();
  await db.schema.createIndex('attachment_bases_base').on('attachment_bases').column('base_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachment_bases').execute();
}
