import fs from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import WebSocket from 'ws';
import { CollabClient } from '../collab/client/index.ts';
import { percentile, round, type Bench, type BenchContext } from './harness.ts';
import { BENCH_ADMIN, BenchClient } from './support/rest-client.ts';
import { startServerProcess } from './support/server-process.ts';

const RECORDS = 20;
const FIELDS = 10;
const EDITS_PER_SECOND = 2;
/** Client threads: the simulated browsers' own work must not be what is measured. */
const THREADS = 2;

/**
 * ARCHITECTURE §5 under load: simulated clients (the real provider, in worker threads of
 * this process) on one table, each with the table channel and one record doc open, each
 * editing 2 cells/s; the server in its own process. Measured: edit → patch on every other
 * client's table channel, edit → update in the record's other open docs, edits missing
 * from the record history (must be 0), and the server's peak RSS. Every client owns its
 * cells (record i % 20, field ⌊i / 20⌋ % 10), so every edit must reach SQLite.
 */
export const collabPropagationBench: Bench = {
  name: 'collab-propagation',
  async run(bench) {
    const clients = Math.max(10, bench.scale(200));
    const seconds = Math.max(5, bench.scale(60));
    const server = await startServerProcess(BENCH_ADMIN);
    const workers: Worker[] = [];
    try {
      const setup = await prepare(server.url);
      const per = Math.ceil(clients / THREADS);
      for (let t = 0; t < THREADS; t++) {
        const range = [t * per, Math.min(clients, (t + 1) * per)];
        workers.push(new Worker(THREAD_ENTRY, { eval: true, workerData: { ...setup, range, seconds } }));
      }
      // One more subscriber, in this (idle) thread: with the simulated clients saturating
      // their threads on a small machine, it shows what the server itself delivers.
      const probe = { channel: [] as number[], doc: [] as number[] };
      const probeClient = new CollabClient({ url: wsUrl(setup.url), token: setup.token, WebSocketPolyfill: WebSocket });
      const probeDocs = observe(probeClient, setup, -1, setup.recordIds, probe);
      await Promise.all([...probeDocs.map((handle) => handle.synced()), ...workers.map((worker) => reply(worker, 'ready'))]);
      const cpuBefore = cpuSeconds(server.pid);
      const started = performance.now();
      workers.forEach((worker) => worker.postMessage('start'));
      const results = await Promise.all(workers.map((worker) => reply<ThreadResult>(worker, 'done')));
      const serverCpu = (cpuSeconds(server.pid) - cpuBefore) / ((performance.now() - started) / 1000);

      const sent = results.flatMap((result) => result.sent);
      const edits = sent.reduce((sum, values) => sum + values.length, 0);
      const channel = results.flatMap((result) => [...result.channel]);
      bench.report({ name: `${clients} clients × ${EDITS_PER_SECOND} edits/s for ${seconds} s: edits`, value: edits, unit: 'edits' });
      reportLatency(bench, 'edit → patch on every other client (table channel)', channel);
      reportLatency(bench, 'edit → update in the record\'s other open docs', results.flatMap((result) => [...result.doc]));
      reportLatency(bench, 'edit → patch at an idle subscriber', probe.channel);
      reportLatency(bench, 'edit → doc update at an idle subscriber', probe.doc);
      probeClient.destroy();
      bench.report({ name: 'patches not delivered', value: edits * (clients - 1) - channel.length, unit: 'patches', target: '0' });
      bench.report({ name: 'lost edits (sent, not in record history)', value: lostEdits(server.dataDir, setup.tableId, sent), unit: 'edits', target: '0' });
      bench.report({ name: 'edits refused or docs closed by the server', value: results.reduce((sum, result) => sum + result.refused, 0), unit: 'events', target: '0' });
      bench.report({ name: 'cells whose final value is not the last edit', value: await staleCells(setup, sent), unit: 'cells', target: '0' });
      bench.report({ name: 'server peak RSS', value: server.peakRssMb(), unit: 'MB', target: '≤ 500' });
      // On a small machine the simulated clients saturate first; these two say whose time the latencies are.
      bench.report({ name: 'server CPU while clients edit (1.0 = one core)', value: round(serverCpu), unit: 'cores' });
      bench.report({ name: 'client threads: worst event-loop lag', value: Math.max(...results.map((result) => result.lagMax)), unit: 'ms' });
    } finally {
      await Promise.all(workers.map((worker) => worker.terminate()));
      await server.stop();
    }
  },
};

interface Setup {
  url: string;
  token: string;
  tableId: string;
  fieldIds: string[];
  recordIds: number[];
}

interface ThreadResult {
  channel: Float64Array;
  doc: Float64Array;
  /** Per client of the thread, in index order: every value it set. */
  sent: string[][];
  lagMax: number;
  /** `rejected` messages and documents closed by the server: both must stay 0. */
  refused: number;
}

/** Workers do not inherit tsx's loader in Node 20: register it, then load this module. */
const THREAD_ENTRY = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;

function reply<T = void>(worker: Worker, type: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: { type: string; result?: T }) => {
      if (message.type === type) resolve(message.result as T);
    });
  });
}

/** Cell owned by client i. */
const cellOf = (setup: Setup, i: number) => ({ recordId: setup.recordIds[i % RECORDS]!, fieldId: setup.fieldIds[Math.floor(i / RECORDS) % FIELDS]! });
/** `<client>:<seq>:<epoch ms>`: each edit is unique and carries the moment it was made. */
const now = () => performance.timeOrigin + performance.now();
const sentAt = (value: unknown) => (typeof value === 'string' ? Number(value.split(':')[2]) : NaN);
const sender = (value: unknown) => (typeof value === 'string' ? Number(value.split(':')[0]) : NaN);

const wsUrl = (url: string) => `${url.replace(/^http/, 'ws')}/collab`;

/**
 * Opens the table channel and the given records' docs on a client, timing every change by
 * someone else: patches on the channel into `samples.channel`, doc updates into `.doc`.
 */
function observe(
  client: CollabClient, setup: Setup, self: number, recordIds: number[],
  samples: { channel: number[]; doc: number[] }, onRefused: (what: string) => void = () => {},
): Array<ReturnType<CollabClient['openRecord']>> {
  const cell = self >= 0 ? cellOf(setup, self) : undefined;
  client.openTable(setup.tableId, {
    onMessage(message) {
      if (message.type !== 'patch') return;
      for (const value of Object.values(message.values)) if (sender(value) !== self && sentAt(value)) samples.channel.push(now() - sentAt(value));
    },
  }).setPresence(cell ? { cell: { recordId: `rec${cell.recordId}`, fieldId: cell.fieldId } } : {});
  return recordIds.map((recordId) => {
    const handle = client.openRecord(setup.tableId, recordId, {
      onMessage: (message) => onRefused(`${message.fieldId}: ${message.message}`),
      onClosed: (reason) => onRefused(reason),
    });
    handle.fields.observe((event) => {
      if (event.transaction.local) return;
      for (const key of event.keysChanged) {
        const value = handle.fields.get(key);
        if (sender(value) !== self && sentAt(value)) samples.doc.push(now() - sentAt(value));
      }
    });
    return handle;
  });
}

/** One client thread: its share of the clients, edits on 'start', samples back on 'done'. */
async function clientThread(data: Setup & { range: [number, number]; seconds: number }): Promise<void> {
  const channel: number[] = [];
  const doc: number[] = [];
  const refused: string[] = [];
  const sims = [];
  for (let index = data.range[0]; index < data.range[1]; index++) {
    const { recordId, fieldId } = cellOf(data, index);
    const client = new CollabClient({ url: wsUrl(data.url), token: data.token, WebSocketPolyfill: WebSocket });
    const [handle] = observe(client, data, index, [recordId], { channel, doc }, (refusal) => refused.push(refusal));
    sims.push({ index, client, handle: handle!, fieldId, sent: [] as string[] });
  }
  await Promise.all(sims.map((sim) => sim.handle.synced()));
  await new Promise((resolve) => setTimeout(resolve, 500)); // table channels authenticated too
  parentPort!.postMessage({ type: 'ready' });
  await new Promise((resolve) => parentPort!.once('message', resolve));

  let lagMax = 0;
  let last = performance.now();
  const lag = setInterval(() => {
    lagMax = Math.max(lagMax, performance.now() - last - 100);
    last = performance.now();
  }, 100);
  const end = performance.now() + data.seconds * 1000;
  await Promise.all(sims.map((sim) => new Promise<void>((resolve) => {
    const tick = () => {
      if (performance.now() >= end) return resolve();
      const value = `${sim.index}:${sim.sent.length}:${now().toFixed(3)}`;
      sim.sent.push(value);
      sim.handle.fields.set(sim.fieldId, value);
      setTimeout(tick, 1000 / EDITS_PER_SECOND);
    };
    setTimeout(tick, Math.random() * (1000 / EDITS_PER_SECOND)); // spread the clients out
  })));
  clearInterval(lag);
  const deadline = Date.now() + 60_000;
  while (sims.some((sim) => sim.handle.provider.hasUnsyncedChanges) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  // The last patches in flight: until nothing arrives for a second.
  for (let seen = -1; seen !== channel.length && Date.now() < deadline + 30_000;) {
    seen = channel.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const result: ThreadResult = {
    channel: Float64Array.from(channel), doc: Float64Array.from(doc), sent: sims.map((sim) => sim.sent), lagMax: Math.round(lagMax),
    refused: refused.length,
  };
  parentPort!.postMessage({ type: 'done', result }, [result.channel.buffer as ArrayBuffer, result.doc.buffer as ArrayBuffer]);
}

/** User + system CPU time of a process (Linux /proc; clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function reportLatency(bench: BenchContext, name: string, samples: number[]): void {
  if (!samples.length) return; // e.g. a small run with one client per record: no other docs
  bench.report({ name: `${name} p50`, value: round(percentile(samples, 50)), unit: 'ms', target: '≤ 10' });
  bench.report({ name: `${name} p95`, value: round(percentile(samples, 95)), unit: 'ms', target: '≤ 50' });
  bench.report({ name: `${name} p99`, value: round(percentile(samples, 99)), unit: 'ms', target: '≤ 100' });
  bench.report({ name: `${name} samples`, value: samples.length, unit: 'deliveries' });
}

/** Reads the record history from the server's SQLite file (read-only; WAL allows it). */
function lostEdits(dataDir: string, tableId: string, sent: string[][]): number {
  const db = new BetterSqlite3(path.join(dataDir, 'tessera.db'), { readonly: true });
  try {
    const written = new Set<unknown>();
    for (const row of db.prepare('SELECT changes FROM record_history WHERE table_id = ?').iterate(tableId) as Iterable<{ changes: string }>) {
      for (const [, after] of Object.values(JSON.parse(row.changes) as Record<string, [unknown, unknown]>)) written.add(after);
    }
    return sent.flat().filter((value) => !written.has(value)).length;
  } finally {
    db.close();
  }
}

async function staleCells(setup: Setup, sent: string[][]): Promise<number> {
  const api = new BenchClient(setup.url, setup.token);
  const page = await api.call<{ records: Array<{ id: string; fields: Record<string, unknown> }> }>(
    'GET', `/tables/${setup.tableId}/records?pageSize=100&returnFieldsByFieldId=true`,
  );
  const byId = new Map(page.body.records.map((record) => [record.id, record.fields]));
  return sent.filter((values, i) => {
    const { recordId, fieldId } = cellOf(setup, i);
    return values.length > 0 && byId.get(`rec${recordId}`)?.[fieldId] !== values.at(-1);
  }).length;
}

async function prepare(url: string): Promise<Setup> {
  const session = new BenchClient(url);
  await session.call('POST', '/auth/login', { email: BENCH_ADMIN.TESSERA_ADMIN_EMAIL, password: BENCH_ADMIN.TESSERA_ADMIN_PASSWORD });
  const token = (await session.call<{ token: string }>('POST', '/tokens', { name: 'collab bench' })).body.token;
  const api = new BenchClient(url, token);
  const base = await api.call<{ id: string }>('POST', '/bases', { name: 'Collab bench' });
  const fields = [{ name: '客户名称', type: 'singleLineText' }, ...Array.from({ length: FIELDS }, (_, i) => ({ name: `备注 ${i + 1}`, type: 'singleLineText' }))];
  const table = await api.call<{ id: string; fields: Array<{ id: string }> }>('POST', `/bases/${base.body.id}/tables`, { name: 'Customers', fields });
  const created = await api.call<{ records: Array<{ id: string }> }>('POST', `/tables/${table.body.id}/records`, {
    records: Array.from({ length: RECORDS }, (_, i) => ({ fields: { 客户名称: `客户 ${i + 1}` } })),
  });
  return {
    url,
    token,
    tableId: table.body.id,
    fieldIds: table.body.fields.slice(1).map((field) => field.id),
    recordIds: created.body.records.map((record) => Number(record.id.slice(3))),
  };
}

// This module is also the client threads' entry point (see THREAD_ENTRY).
if (!isMainThread && (workerData as { range?: unknown } | null)?.range) await clientThread(workerData);
