import type { Database, ViewRow } from '../db/index.ts';

/** The form view a share link names; other view types have no share link to find. */
export function findFormView(db: Database, shareId: string): ViewRow | undefined {
  return db.first(db.kysely.selectFrom('views').selectAll().where('share_id', '=', shareId).where('type', '=', 'form'));
}
