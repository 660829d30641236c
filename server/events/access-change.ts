/**
 * Someone's access changed, after the change committed: live connections (the collab
 * server's sockets) must follow at once instead of keeping what they were granted when they
 * opened. Carries no role: listeners re-check against the database, which is the truth.
 */
export interface AccessChanged {
  userId: string;
  /** The base whose membership changed; null when the account's credentials were revoked. */
  baseId: string | null;
  reason: 'member-removed' | 'role-changed' | 'credentials-revoked';
}
