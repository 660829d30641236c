import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import type { EventBus, RecordBatchCommitted } from './events/index.ts';

/**
 * Runs inside the write path's transaction, after the rows are written and before commit:
 * the collab layer stores loaded record docs' state here, so SQL is never ahead of it.
 * Throwing rolls the whole batch back.
 */
export type InTransactionHook = (batch: RecordBatchCommitted) => void;

/** What every service needs: passed explicitly, never a module-level global. */
export interface AppContext {
  db: Database;
  config: Config;
  events: EventBus;
  inTransactionHooks: InTransactionHook[];
}
