import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from '../support/test-server.ts';

// Helpers of the import-*.test.ts and export-*.test.ts suites.

/** A file of shared/fixtures (beside the repository), as bytes. */
export function fixture(name: string): Buffer {
  return fs.readFileSync(fileURLToPath(new URL(`../../../shared/fixtures/${name}`, import.meta.url)));
}

export async function upload(api: ApiClient, path: string, file: { name: string; bytes: Uint8Array }, options?: unknown): Promise<ApiResponse> {
  const form = new FormData();
  if (options !== undefined) form.append('options', JSON.stringify(options));
  form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${api.token}` },
    body: form,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const FINAL = ['done', 'failed', 'cancelled'];

/** Polls the job until it ends. */
export async function waitForImport(api: ApiClient, id: string, timeoutMs = 60_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.get(`/imports/${id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    if (FINAL.includes(res.body.status)) return res.body;
    if (Date.now() > until) throw new Error(`import ${id} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Uploads, expects 202, waits for the end. */
export async function importFile(api: ApiClient, baseId: string, file: { name: string; bytes: Uint8Array }, options?: unknown): Promise<any> {
  const res = await upload(api, `/bases/${baseId}/imports`, file, options);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return waitForImport(api, res.body.id);
}

/** Every record of a table, in id order, fields by name. */
export async function allRecords(api: ApiClient, tableId: string): Promise<Array<{ id: string; fields: Record<string, unknown> }>> {
  const records: Array<{ id: string; fields: Record<string, unknown> }> = [];
  let offset: string | undefined;
  do {
    const res = await api.get(`/tables/${tableId}/records?pageSize=1000${offset ? `&offset=${encodeURIComponent(offset)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    records.push(...res.body.records);
    offset = res.body.offset;
  } while (offset);
  return records;
}

export async function tableOf(api: ApiClient, baseId: string, tableId: string): Promise<{ id: string; name: string; fields: Array<{ id: string; name: string; type: string; options: any }> }> {
  const res = await api.get(`/bases/${baseId}/tables`);
  const table = res.body.tables.find((t: { id: string }) => t.id === tableId);
  expect(table, `table ${tableId}`).toBeDefined();
  return table;
}

export function typesOf(table: { fields: Array<{ name: string; type: string }> }): Record<string, string> {
  return Object.fromEntries(table.fields.map((f) => [f.name, f.type]));
}

interface CrmData {
  customers(n: number, seed: number): unknown[];
  customerRow(customer: unknown): unknown[];
  csvCell(value: unknown): string;
  CUSTOMER_HEADERS: string[];
}

/** `n` generated customers as Excel writes a CSV (BOM, CRLF), like gen-customers-csv.mjs. */
export async function customersCsv(n: number, seed = 42): Promise<Buffer> {
  const crm = (await import(new URL('../../../shared/fixtures/crm-data.mjs', import.meta.url).href)) as CrmData;
  let text = `\uFEFF${crm.CUSTOMER_HEADERS.join(',')}\r\n`;
  for (let start = 0; start < n; start += 10_000) {
    for (const customer of crm.customers(Math.min(10_000, n - start), seed + start)) text += `${crm.customerRow(customer).map(crm.csvCell).join(',')}\r\n`;
  }
  return Buffer.from(text);
}

/** Polls until the job has written at least one batch. */
export async function waitForProgress(api: ApiClient, id: string): Promise<void> {
  for (const until = Date.now() + 30_000; Date.now() < until; ) {
    const res = await api.get(`/imports/${id}`);
    if (res.body.rowsDone > 0 || res.body.status !== 'running' && res.body.status !== 'queued') return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`import ${id} made no progress`);
}

/** GET …/export as bytes, with its headers. */
export async function download(api: ApiClient, path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(`${api.baseUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${api.token}` }, signal: AbortSignal.timeout(60_000) });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}
