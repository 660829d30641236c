import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { TOKEN_SCOPES, type Actor, type TokenScope } from './actor.ts';
import { loginThrottle, throttleKey } from './login-throttle.ts';
import { dummyPasswordHash, MAX_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import { randomSecret, sha256 } from './secrets.ts';
import { deleteExpiredSessions, deleteSession, findExpiredSessionUsers, findSessionActor, insertSession } from './sessions.repository.ts';
import { findUserByEmail } from './users.repository.ts';
import { toPublicUser, type PublicUser } from './users.service.ts';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A session may do everything its user may; scopes only ever narrow tokens. */
export const SESSION_SCOPES: ReadonlySet<TokenScope> = new Set(TOKEN_SCOPES);

export const loginInput = z.strictObject({
  email: z.string().trim().toLowerCase().min(1, 'enter your email').max(254),
  password: z.string().min(1, 'enter your password').max(MAX_PASSWORD_LENGTH),
});
export type LoginInput = z.infer<typeof loginInput>;

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

export function createSession(ctx: AppContext, userId: string): NewSession {
  const token = randomSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  // Other expired sessions are purged once a minute by expireSessions, which also tells
  // their live connections (purging them here would skip that).
  insertSession(ctx.db, { id_hash: sha256(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() });
  return { token, expiresAt };
}

/**
 * Checks credentials and opens a session. Unknown email and wrong password get the same
 * answer in the same time; repeated failures per IP+email are refused with 429.
 */
export async function logIn(ctx: AppContext, input: LoginInput, clientIp: string | undefined): Promise<{ user: PublicUser; session: NewSession }> {
  const throttle = loginThrottle(ctx);
  const key = throttleKey(clientIp, input.email);
  const blockedFor = throttle.retryAfter(key);
  if (blockedFor > 0) throw tooManyAttempts(blockedFor);
  const user = findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !ok) {
    throttle.fail(key);
    const nowBlocked = throttle.retryAfter(key);
    if (nowBlocked > 0) throw tooManyAttempts(nowBlocked);
    throw new AppError('UNAUTHENTICATED', 'wrong email or password');
  }
  throttle.succeed(key);
  return { user: toPublicUser(user), session: createSession(ctx, user.id) };
}

function tooManyAttempts(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', 'too many failed sign-in attempts; try again later', { retryAfterSeconds });
}

/** Resolves a session cookie; an expired session is deleted on sight and resolves to nobody. */
export function resolveSessionActor(ctx: AppContext, token: string): Actor | undefined {
  if (token.length > 200) return undefined;
  const idHash = sha256(token);
  const row = findSessionActor(ctx.db, idHash);
  if (!row) return undefined;
  if (row.expires_at <= new Date().toISOString()) {
    deleteSession(ctx.db, idHash);
    return undefined;
  }
  return { userId: row.user_id, isAdmin: row.is_admin === 1, via: 'session', scopes: SESSION_SCOPES };
}

export function logOut(ctx: AppContext, token: string | undefined): void {
  if (!token) return;
  const idHash = sha256(token);
  const session = findSessionActor(ctx.db, idHash);
  deleteSession(ctx.db, idHash);
  // Sockets opened with this session are re-checked and closed (collab/server/live-access.ts).
  if (session) ctx.events.emit('access', { userId: session.user_id, baseId: null, reason: 'credentials-revoked' });
}

/**
 * Deletes the sessions that have expired and tells live connections, as a logout does: a
 * socket signed in with an expired session would otherwise go on receiving the base's
 * changes until it reconnects (decision 0014). Returns how many users lost a session.
 */
export function expireSessions(ctx: AppContext, now = new Date()): number {
  const at = now.toISOString();
  const users = ctx.db.transaction(() => {
    const expired = findExpiredSessionUsers(ctx.db, at);
    deleteExpiredSessions(ctx.db, at);
    return expired;
  });
  for (const userId of users) ctx.events.emit('access', { userId, baseId: null, reason: 'credentials-revoked' });
  return users.length;
}

/** Expires sessions once a minute; returns the function that stops it. */
export function startSessionExpiry(ctx: AppContext, everyMs = 60_000): () => void {
  const timer = setInterval(() => expireSessions(ctx), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

