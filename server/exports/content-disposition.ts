/**
 * `attachment` with an ASCII fallback name and the real name per RFC 6266 / RFC 5987
 * (`filename*=UTF-8''…`), which every current browser uses: "客户.xlsx" downloads as 客户.xlsx.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const fallback = /[A-Za-z0-9]/.test(ascii.replace(/\.[^.]*$/, '')) ? ascii : `export${/\.[a-z0-9]+$/i.exec(fileName)?.[0] ?? ''}`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A file name from a table (and view) name: characters no file system takes are replaced. */
export function exportFileName(tableName: string, viewName: string | undefined, extension: string): string {
  const base = viewName ? `${tableName} - ${viewName}` : tableName;
  return `${base.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim() || 'export'}.${extension}`;
}
