// Which groups a person collapsed, per view, in this browser's local storage: collapsing is
// a reading aid, not part of the shared view (decision 0060).

const KEY = 'tessera.collapsedGroups.';
/** The server takes at most this many per request (server/grid/group-rows.ts MAX_COLLAPSED). */
const MAX = 500;

export function loadCollapsed(viewId: string | null): ReadonlySet<string> {
  if (!viewId || typeof localStorage === 'undefined') return new Set();
  try {
    const ids = JSON.parse(localStorage.getItem(KEY + viewId) ?? '[]') as unknown;
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string' && /^[A-Za-z0-9_-]{1,20}$/.test(id)).slice(-MAX) : []);
  } catch {
    return new Set(); // unreadable storage is the same as none
  }
}

export function saveCollapsed(viewId: string | null, ids: ReadonlySet<string>): void {
  if (!viewId || typeof localStorage === 'undefined') return;
  // The most recently collapsed win when there are too many.
  localStorage.setItem(KEY + viewId, JSON.stringify([...ids].slice(-MAX)));
}
