import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/test-server.ts';
import { allRecords, customersCsv, importFile } from './import-support.ts';

// `npm start` runs the server compiled to JavaScript (scripts/build-server.mjs), not its
// TypeScript: this starts that bundle as its own process and drives it over HTTP, parse
// worker included, so a bundling mistake (a path, the worker's file) fails here.

const ROOT = path.resolve(import.meta.dirname, '../..');
const ADMIN = { email: 'admin@example.com', password: 'correct-horse-battery' };

let dir: string;
let child: ChildProcess;
let url: string;
let dataDir: string;
/** What the process printed. */
let output = '';

beforeAll(async () => {
  // Inside the project: the bundle finds its packages in ./node_modules, as from ./build.
  dir = fs.mkdtempSync(path.join(ROOT, '.tmp-bundle-test-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-bundle-data-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs'), path.join(dir, 'tessera')], { cwd: ROOT, stdio: 'pipe' });
  child = spawn(process.execPath, [path.join(dir, 'tessera/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TESSERA_DATA_DIR: dataDir, TESSERA_ADMIN_EMAIL: ADMIN.email, TESSERA_ADMIN_PASSWORD: ADMIN.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the compiled server did not start within 30 s')), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the compiled server exited with ${code}: ${output}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled server (npm start)', () => {
  it('runs as plain JavaScript, serves the API and imports a big file through its parse worker', async () => {
    const session = new ApiClient(url);
    expect((await session.post('/auth/login', ADMIN)).status).toBe(200);
    const token = await session.post('/tokens', { name: 'bundle' });
    const api = new ApiClient(url, token.body.token);
    const base = await api.post('/bases', { name: 'Bundle' });
    expect(base.status).toBe(201);
    // Past PARSE_WORKER_MIN_BYTES (4 MB), so the compiled parse-worker.js does the reading.
    const bytes = await customersCsv(20_000);
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    const job = await importFile(api, base.body.id, { name: '客户.csv', bytes });
    expect(job.status, job.failure).toBe('done');
    expect(job.created).toBe(20_000);
    const records = await allRecords(api, job.tables[0].id);
    expect(records).toHaveLength(20_000);
    expect(records[0]!.fields['客户名称']).toBe(bytes.toString('utf8').split('\r\n')[1]!.split(',')[0]);
    expect(typeof records[0]!.fields['预估金额']).toBe('number');
    // No TypeScript loader in the process: the server's memory stays small.
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    expect(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024).toBeLessThan(600);
    // Its threads started from their compiled or copied files (a missing one is only logged).
    expect(output).not.toMatch(/failed|Error/);
  }, 120_000);
});
