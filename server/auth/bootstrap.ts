import type { AppContext } from '../context.ts';

/** Creates the admin named by TESSERA_ADMIN_EMAIL/PASSWORD at start-up (filled in by the auth work). */
export async function ensureAdminFromConfig(_ctx: AppContext): Promise<void> {}
