import type { Migration } from 'kysely';
import * as m0001 from './0001-meta-schema.ts';

/** Every migration, in order. Static imports so bundles and tests see the same list. */
export const migrations: Record<string, Migration> = {
  '0001-meta-schema': m0001,
};
