import { apiPath, apiRequest } from '../ui/api-client.ts';
import type { ImportJob, ImportPreview } from './import-types.ts';
import type { ImportOptions } from './import-options.ts';
import { previewPart } from './preview-slice.ts';

// The import and export routes of docs/imports.md, with the session cookie.

/** Multipart POST: the file and the JSON options. */
function postFile<T>(path: string, file: File, options: ImportOptions | undefined, signal?: AbortSignal): Promise<T> {
  const form = new FormData();
  if (options !== undefined) form.append('options', JSON.stringify(options));
  form.append('file', file, file.name);
  return apiRequest<T>(path, { method: 'POST', body: form, signal });
}

export async function previewImport(baseId: string, file: File, options?: ImportOptions, signal?: AbortSignal): Promise<ImportPreview> {
  return postFile<ImportPreview>(apiPath`/bases/${baseId}/imports/preview`, await previewPart(file), options, signal);
}

export function startImport(baseId: string, file: File, options: ImportOptions, signal?: AbortSignal): Promise<{ id: string }> {
  return postFile<{ id: string }>(apiPath`/bases/${baseId}/imports`, file, options, signal);
}

export function getImport(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return apiRequest<ImportJob>(apiPath`/imports/${id}`, { signal });
}

export function cancelImport(id: string): Promise<ImportJob> {
  return apiRequest<ImportJob>(apiPath`/imports/${id}/cancel`, { method: 'POST' });
}

/** The whole error report as CSV (UTF-8 with BOM), for a plain <a download>. */
export function errorsCsvUrl(id: string): string {
  return `/api/v1${apiPath`/imports/${id}/errors.csv`}`;
}

export type ExportFormat = 'csv' | 'csv-gbk' | 'xlsx';

/**
 * GET …/export as a URL the browser downloads itself: the file streams to disk (a million
 * rows never sit in the page's memory) and the session cookie goes with it.
 */
export function exportUrl(tableId: string, format: ExportFormat, viewId?: string | null): string {
  const query = new URLSearchParams({ format: format === 'xlsx' ? 'xlsx' : 'csv' });
  if (format === 'csv-gbk') query.set('encoding', 'gbk');
  if (viewId) query.set('view', viewId);
  return `/api/v1${apiPath`/tables/${tableId}/export`}?${query}`;
}
