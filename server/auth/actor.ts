/** Who is making a request, resolved from a session cookie or an API token. */
export interface Actor {
  userId: string;
  isAdmin: boolean;
  via: 'session' | 'token';
  /** Token scopes; a session has every scope. */
  scopes: ReadonlySet<TokenScope>;
  /** Bases a token is limited to; undefined means every base of the user. */
  baseIds?: ReadonlySet<string>;
}

export const TOKEN_SCOPES = [
  'data.records:read', 'data.records:write', 'schema.bases:read', 'schema.bases:write',
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export { BASE_ROLES, type BaseRole } from '../../core/roles.ts';
