import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from './actor.ts';
import { requireAdmin, requireSession } from './permissions.ts';
import { findSetting, upsertSetting } from './settings.repository.ts';

/** Instance-wide settings, stored as key/value text in `settings`. */
export interface InstanceSettings {
  signupOpen: boolean;
}

export const updateSettingsInput = z.strictObject({ signupOpen: z.boolean().optional() });
export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;

const SIGNUP_OPEN = 'signup_open';

/** Open unless the admin closed it: a fresh instance must let its first person in. */
export function isSignupOpen(ctx: AppContext): boolean {
  return findSetting(ctx.db, SIGNUP_OPEN) !== 'false';
}

export function getSettings(ctx: AppContext): InstanceSettings {
  return { signupOpen: isSignupOpen(ctx) };
}

export function updateSettings(ctx: AppContext, actor: Actor, input: UpdateSettingsInput): InstanceSettings {
  requireSession(actor, 'change instance settings');
  requireAdmin(actor);
  return ctx.db.transaction(() => {
    const before = getSettings(ctx);
    if (input.signupOpen !== undefined && input.signupOpen !== before.signupOpen) {
      upsertSetting(ctx.db, SIGNUP_OPEN, String(input.signupOpen));
      recordAudit(ctx, { actorId: actor.userId, action: 'settings.updated', details: { signupOpen: [before.signupOpen, input.signupOpen] } });
    }
    return getSettings(ctx);
  });
}
