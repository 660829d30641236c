import type { Selectable } from 'kysely';
import type { AttachmentsTable, Database } from '../db/index.ts';

export type AttachmentRow = Selectable<AttachmentsTable>;

/** The first upload of some content names it; later uploads of the same bytes only link bases. */
export function insertAttachment(db: Database, row: AttachmentRow): void {
  db.run(db.kysely.insertInto('attachments').values(row).onConflict((oc) => oc.column('hash').doNothing()));
}

export function linkAttachmentToBase(db: Database, row: { hash: string; base_id: string; uploaded_by: string | null; created_at: string }): void {
  db.run(db.kysely.insertInto('attachment_bases').values(row).onConflict((oc) => oc.columns(['hash', 'base_id']).doNothing()));
}

export function findAttachment(db: Database, hash: string): AttachmentRow | undefined {
  return db.first(db.kysely.selectFrom('attachments').selectAll().where('hash', '=', hash));
}

/** Bases the file was uploaded to in which `userId` is a member. */
export function findAttachmentBasesOfMember(db: Database, hash: string, userId: string): string[] {
  return db
    .all(
      db.kysely
        .selectFrom('attachment_bases')
        .innerJoin('base_members', 'base_members.base_id', 'attachment_bases.base_id')
        .select('attachment_bases.base_id')
        .where('attachment_bases.hash', '=', hash)
        .where('base_members.user_id', '=', userId),
    )
    .map((row) => row.base_id);
}
