import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { newId, type UserRow } from '../db/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from './actor.ts';
import { loginThrottle } from './login-throttle.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import { requireAdmin, requireSession } from './permissions.ts';
import { isSignupOpen } from './settings.service.ts';
import { deleteSessionsOfUser } from './sessions.repository.ts';
import { countUsers, findUserByEmail, findUserById, insertUser, listUsers as findUsers, updateUser } from './users.repository.ts';

export const USER_LOCALES = ['en', 'zh-CN'] as const;
export type UserLocale = (typeof USER_LOCALES)[number];

/** What the API and the UI may see of an account: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: UserLocale | null;
  createdAt: string;
}

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('enter a valid email address'));
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `the password needs at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `the password may have at most ${MAX_PASSWORD_LENGTH} characters`);
const nameSchema = z.string().trim().min(1, 'enter a name').max(100);

export const newUserInput = z.strictObject({ email: emailSchema, password: passwordSchema, name: nameSchema });
export type NewUserInput = z.infer<typeof newUserInput>;

export const updateMeInput = z.strictObject({ name: nameSchema.optional(), locale: z.enum(USER_LOCALES).nullable().optional() });
export type UpdateMeInput = z.infer<typeof updateMeInput>;

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'enter your current password').max(MAX_PASSWORD_LENGTH),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.is_admin === 1,
    locale: (USER_LOCALES as readonly string[]).includes(row.locale ?? '') ? (row.locale as UserLocale) : null,
    createdAt: row.created_at,
  };
}

/** Lower-cased and trimmed: one person, one account, however they type their address. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Inserts an account. The first account of an instance becomes its admin; checking and
 * inserting in one transaction means two simultaneous first sign-ups cannot both win.
 */
function insertAccount(
  ctx: AppContext,
  input: NewUserInput,
  passwordHash: string,
  audit: { actorId: string | null; action: 'user.signedUp' | 'user.created'; forceAdmin?: boolean; source?: string },
): PublicUser {
  return ctx.db.transaction(() => {
    if (findUserByEmail(ctx.db, input.email)) throw emailTaken();
    const isAdmin = audit.forceAdmin === true || (audit.action === 'user.signedUp' && countUsers(ctx.db) === 0);
    const id = newId('user');
    insertUser(ctx.db, {
      id, email: input.email, name: input.name, password_hash: passwordHash,
      is_admin: isAdmin ? 1 : 0, locale: null, created_at: new Date().toISOString(),
    });
    recordAudit(ctx, {
      actorId: audit.actorId ?? (audit.action === 'user.signedUp' ? id : null),
      action: audit.action,
      target: id,
      details: { email: input.email, isAdmin, ...(audit.source ? { source: audit.source } : {}) },
    });
    return toPublicUser(findUserById(ctx.db, id)!);
  });
}

function emailTaken(): AppError {
  return new AppError('CONFLICT', 'an account with this email already exists', { field: 'email' });
}

/** Self-service sign-up, while the admin keeps it open. */
export async function signUp(ctx: AppContext, input: NewUserInput): Promise<PublicUser> {
  if (!isSignupOpen(ctx)) throw new AppError('FORBIDDEN', 'sign-up is closed on this server; ask an admin for an account');
  // Checked before hashing too, so a taken email answers without spending ~100 ms of scrypt.
  if (findUserByEmail(ctx.db, input.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  return insertAccount(ctx, input, passwordHash, { actorId: null, action: 'user.signedUp' });
}

/** An admin creates an account for someone (works while sign-up is closed). */
export async function createUser(ctx: AppContext, actor: Actor, input: NewUserInput): Promise<PublicUser> {
  requireSession(actor, 'create accounts');
  requireAdmin(actor);
  if (findUserByEmail(ctx.db, input.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  return insertAccount(ctx, input, passwordHash, { actorId: actor.userId, action: 'user.created' });
}

/** The admin named in the configuration, created at start-up when missing. */
export async function createConfiguredAdmin(ctx: AppContext, input: NewUserInput): Promise<PublicUser | undefined> {
  if (findUserByEmail(ctx.db, input.email)) return undefined;
  const passwordHash = await hashPassword(input.password);
  return insertAccount(ctx, input, passwordHash, { actorId: null, action: 'user.created', forceAdmin: true, source: 'config' });
}

export function getUser(ctx: AppContext, userId: string): PublicUser | undefined {
  const row = findUserById(ctx.db, userId);
  return row ? toPublicUser(row) : undefined;
}

export function getUserByEmail(ctx: AppContext, email: string): PublicUser | undefined {
  const row = findUserByEmail(ctx.db, normalizeEmail(email));
  return row ? toPublicUser(row) : undefined;
}

export function requireUser(ctx: AppContext, userId: string): PublicUser {
  const user = getUser(ctx, userId);
  if (!user) throw notFound('user');
  return user;
}

export function listUsers(ctx: AppContext, actor: Actor): PublicUser[] {
  requireAdmin(actor);
  return findUsers(ctx.db).map(toPublicUser);
}

/** A person edits their own name and language; a token cannot (it acts on data, not the account). */
export function updateMe(ctx: AppContext, actor: Actor, input: UpdateMeInput): PublicUser {
  requireSession(actor, 'change the account');
  const update: { name?: string; locale?: string | null } = {};
  if (input.name !== undefined) update.name = input.name;
  if (input.locale !== undefined) update.locale = input.locale;
  if (Object.keys(update).length > 0) updateUser(ctx.db, actor.userId, update);
  return requireUser(ctx, actor.userId);
}

/**
 * Changes the password and ends every session of the account (the caller opens a fresh one
 * for the person at the keyboard): whoever may have had the old password or a stolen
 * cookie is out. The current password is required and its failures are rate limited, so a
 * borrowed, unlocked browser is not enough to take the account over.
 */
export async function changePassword(ctx: AppContext, actor: Actor, input: ChangePasswordInput): Promise<void> {
  requireSession(actor, 'change the password');
  const throttle = loginThrottle(ctx);
  const key = `password|${actor.userId}`;
  const blockedFor = throttle.retryAfter(key);
  if (blockedFor > 0) throw new AppError('RATE_LIMITED', 'too many wrong passwords; try again later', { retryAfterSeconds: blockedFor });
  const row = findUserById(ctx.db, actor.userId);
  if (!row) throw notFound('user');
  if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
    throttle.fail(key);
    throw new AppError('INVALID_REQUEST', 'the current password is wrong', { field: 'currentPassword' });
  }
  throttle.succeed(key);
  const passwordHash = await hashPassword(input.newPassword);
  ctx.db.transaction(() => {
    updateUser(ctx.db, actor.userId, { password_hash: passwordHash });
    deleteSessionsOfUser(ctx.db, actor.userId);
    recordAudit(ctx, { actorId: actor.userId, action: 'user.updated', target: actor.userId, details: { password: 'changed' } });
    ctx.db.afterCommit(() => ctx.events.emit('access', { userId: actor.userId, baseId: null, reason: 'credentials-revoked' }));
  });
}
