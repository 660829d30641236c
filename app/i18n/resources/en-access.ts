/** English messages for live access ending (decision 0014); spread into `en` (en.ts). */
export const enAccess = {
  liveAccess: {
    revoked: 'You no longer have access to this table; live changes have stopped. Reload to see what you can still open.',
    signedOut: 'You were signed out; live changes have stopped. Sign in again to keep working.',
    reload: 'Reload',
    signIn: 'Sign in',
  },
} as const;
