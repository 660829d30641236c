import type { Migration } from 'kysely';
import * as m0001 from './0001-meta-schema.ts';
import * as m0002 from './0002-attachment-bases.ts';
import * as m0003 from './0003-record-docs.ts';
import * as m0004 from './0004-imports.ts';
import * as m0005 from './0005-view-record-order.ts';
import * as m0007 from './0007-search-indexes.ts';

/** Every migration, in order. Static imports so bundles and tests see the same list. */
export const migrations: Record<string, Migration> = {
  '0001-meta-schema': m0001,
  '0002-attachment-bases': m0002,
  '0003-record-docs': m0003,
  '0004-imports': m0004,
  '0005-view-record-order': m0005,
  '0007-search-indexes': m0007,
};
