// A running import outlives the page: its id sits in the URL (`?import=<id>`, so a reload or
// a shared link reopens the progress) and in localStorage per base (so coming back to the
// base later still shows how it ended). Both are cleared once its result has been shown.

export const IMPORT_PARAM = 'import';

export interface RememberedImport {
  id: string;
  /** The existing table it imports into; null when it creates tables. */
  tableId: string | null;
}

const storageKey = (baseId: string) => `tessera:import:${baseId}`;
const IMPORT_ID = /^imp[0-9A-Za-z]{6,40}$/;

/** The URL with `import=<id>` set, or removed when `id` is null. */
export function withImportParam(href: string, id: string | null): string {
  const url = new URL(href);
  if (id) url.searchParams.set(IMPORT_PARAM, id);
  else url.searchParams.delete(IMPORT_PARAM);
  return url.toString();
}

/** The import to reopen: the URL's first, else this base's remembered one. */
export function pendingImport(href: string, stored: string | null): RememberedImport | null {
  const fromUrl = new URL(href).searchParams.get(IMPORT_PARAM);
  const remembered = parseStored(stored);
  if (fromUrl && IMPORT_ID.test(fromUrl)) return { id: fromUrl, tableId: remembered?.id === fromUrl ? remembered.tableId : null };
  return remembered;
}

function parseStored(text: string | null): RememberedImport | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<RememberedImport>;
    return typeof value.id === 'string' && IMPORT_ID.test(value.id) ? { id: value.id, tableId: typeof value.tableId === 'string' ? value.tableId : null } : null;
  } catch {
    return null;
  }
}

// The browser side. history.replaceState keeps React Router's own state object, so the
// router is not disturbed and no loader runs again.

export function rememberImport(baseId: string, job: RememberedImport): void {
  try {
    localStorage.setItem(storageKey(baseId), JSON.stringify(job));
  } catch {
    // Storage full or disabled: the URL still carries the id.
  }
  window.history.replaceState(window.history.state, '', withImportParam(window.location.href, job.id));
}

export function forgetImport(baseId: string, id: string): void {
  try {
    if (parseStored(localStorage.getItem(storageKey(baseId)))?.id === id) localStorage.removeItem(storageKey(baseId));
  } catch {
    // Nothing stored, nothing to forget.
  }
  if (new URL(window.location.href).searchParams.get(IMPORT_PARAM) === id) {
    window.history.replaceState(window.history.state, '', withImportParam(window.location.href, null));
  }
}

export function readPendingImport(baseId: string): RememberedImport | null {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey(baseId));
  } catch {
    stored = null;
  }
  return pendingImport(window.location.href, stored);
}

/** Fired when an import into an existing table ends, so a grid showing that table reloads. */
export const IMPORT_FINISHED_EVENT = 'tessera:import-finished';
export type ImportFinishedDetail = { tableIds: string[] };

export function announceImportFinished(tableIds: string[]): void {
  window.dispatchEvent(new CustomEvent<ImportFinishedDetail>(IMPORT_FINISHED_EVENT, { detail: { tableIds } }));
}
