import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BENCH_ADMIN, BenchClient } from './rest-client.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

const GENERATOR = path.resolve(import.meta.dirname, '../../../shared/fixtures/gen-customers-csv.mjs');

/**
 * `rows` generated customers (16 columns) as the CSV Excel writes, in a temp dir. Made before
 * the server's first request: a keep-alive socket left idle while a million rows are written
 * is closed by the server, and the upload's reuse of it would fail with EPIPE.
 */
export function generateCustomersCsv(rows: number): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-bench-csv-'));
  const file = path.join(dir, `customers-${rows}.csv`);
  execFileSync(process.execPath, [GENERATOR, String(rows), '42', file]);
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A server process, a token and an empty base. */
export async function benchServer(): Promise<{ server: ServerProcess; api: BenchClient; baseId: string }> {
  const server = await startServerProcess(BENCH_ADMIN);
  const session = new BenchClient(server.url);
  await session.call('POST', '/auth/login', { email: BENCH_ADMIN.TESSERA_ADMIN_EMAIL, password: BENCH_ADMIN.TESSERA_ADMIN_PASSWORD });
  const token = await session.call<{ token: string }>('POST', '/tokens', { name: 'bench' });
  const api = new BenchClient(server.url, token.body.token);
  const base = await api.call<{ id: string }>('POST', '/bases', { name: 'Bench' });
  return { server, api, baseId: base.body.id };
}

/**
 * Uploads a file and polls the job to its end; returns the job. The multipart body is the
 * file streamed from disk between its boundary lines, as a browser or curl sends it: fetch
 * with FormData spent ~0.7 s of the 1M-row figure encoding the body on this machine's
 * other core, which measured the client, not the server.
 */
export async function importThroughApi(api: BenchClient, baseId: string, file: string): Promise<any> {
  const created = await uploadMultipart(`${api.url}/api/v1/bases/${baseId}/imports`, api.token!, file);
  if (created.status !== 202) throw new Error(`import upload → ${created.status} ${created.text}`);
  const body = JSON.parse(created.text) as { id: string };
  for (const until = Date.now() + 1_800_000; Date.now() < until; ) {
    const job = (await api.call('GET', `/imports/${body.id}`)).body;
    if (job.status === 'done') return job;
    if (job.status === 'failed' || job.status === 'cancelled') throw new Error(`import ${job.status}: ${job.failure}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('import did not finish within 30 minutes');
}

/** POSTs `file` as the multipart part "file", streamed; resolves with the response. */
async function uploadMultipart(url: string, token: string, file: string): Promise<{ status: number; text: string }> {
  const boundary = `----tessera-bench-${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const request = http.request(url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': head.length + fs.statSync(file).size + tail.length,
    },
    timeout: 600_000,
  });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    request.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    request.on('error', reject);
    request.on('timeout', () => request.destroy(new Error('upload timed out')));
  });
  request.write(head);
  await pipeline(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), request, { end: false });
  request.end(tail);
  return response;
}

/** Downloads an export, counting bytes; returns the byte count. */
export async function downloadExport(api: BenchClient, tableId: string, query: string): Promise<number> {
  const res = await fetch(`${api.url}/api/v1/tables/${tableId}/export?${query}`, { headers: { Authorization: `Bearer ${api.token}` }, signal: AbortSignal.timeout(1_800_000) });
  if (res.status !== 200 || !res.body) throw new Error(`export → ${res.status} ${await res.text()}`);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return bytes;
}
