/** Base roles, least to most: each may do what the ones before it may. Shared by server and UI. */
export const BASE_ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;
export type BaseRole = (typeof BASE_ROLES)[number];

export function roleAtLeast(role: BaseRole, least: BaseRole): boolean {
  return BASE_ROLES.indexOf(role) >= BASE_ROLES.indexOf(least);
}
