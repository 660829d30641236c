import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import type { EventBus } from './events/index.ts';

/** What every service needs: passed explicitly, never a module-level global. */
export interface AppContext {
  db: Database;
  config: Config;
  events: EventBus;
}
