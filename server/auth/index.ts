// The auth capability's public surface, for routes, other services and the UI's *.server.ts.
export { TOKEN_SCOPES, BASE_ROLES, type Actor, type TokenScope, type BaseRole } from './actor.ts';
export {
  PERMISSIONS, requireBaseAccess, requireTableAccess, getBaseRole, roleAtLeast,
  requireAdmin, requireSession, requireScope, type Permission,
} from './permissions.ts';
export { authenticate } from './authenticate.ts';
export { ensureAdminFromConfig } from './bootstrap.ts';
export { SESSION_COOKIE, LOCALE_COOKIE, sessionCookie, clearSessionCookie, readCookie, serializeCookie } from './cookies.ts';
export { logIn, logOut, createSession, resolveSessionActor, loginInput, SESSION_TTL_MS, type LoginInput, type NewSession } from './sessions.service.ts';
export { createApiToken, listApiTokens, deleteApiToken, resolveTokenActor, createTokenInput, type ApiTokenInfo } from './tokens.service.ts';
export {
  signUp, createUser, changePassword, changePasswordInput, getUser, getUserByEmail, requireUser, listUsers, updateMe, newUserInput, updateMeInput, normalizeEmail, emailSchema,
  USER_LOCALES, type UserLocale, type PublicUser, type NewUserInput,
} from './users.service.ts';
export { getSettings, updateSettings, isSignupOpen, updateSettingsInput, type InstanceSettings } from './settings.service.ts';
