import type { Database } from '../db/index.ts';

export function findSetting(db: Database, key: string): string | undefined {
  return db.first(db.kysely.selectFrom('settings').select('value').where('key', '=', key))?.value;
}

export function upsertSetting(db: Database, key: string, value: string): void {
  db.run(db.kysely.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })));
}
