import type { Actor } from '../server/auth/actor.ts';
import type { AppContext } from '../server/context.ts';

// Loaders and actions reach server services only through this context, which the HTTP
// entry fills with the same AppContext the REST API uses.
declare module 'react-router' {
  interface AppLoadContext {
    app: AppContext;
    actor?: Actor;
    /**
     * The client's address (Express `req.ip`), for the sign-in rate limit. Optional until
     * server/http/ui.ts passes it; without it, UI sign-ins are throttled per email only.
     */
    clientIp?: string;
  }
}

export {};
