import type { AppContext } from '../context.ts';
import { createConfiguredAdmin, normalizeEmail } from './users.service.ts';

/**
 * Creates the admin named by TESSERA_ADMIN_EMAIL/PASSWORD at start-up when no account has
 * that email. An existing account is left alone: restarting must never reset a password
 * the admin has since changed.
 */
export async function ensureAdminFromConfig(ctx: AppContext): Promise<void> {
  const admin = ctx.config.admin;
  if (!admin) return;
  const email = normalizeEmail(admin.email);
  const name = email.split('@')[0] || 'Admin';
  await createConfiguredAdmin(ctx, { email, password: admin.password, name });
}
