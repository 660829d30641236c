import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import WebSocket from 'ws';
import { CollabClient } from '../collab/client/index.ts';
import { percentile, round, type Bench, type BenchContext } from '../bench/harness.ts';
import { BENCH_ADMIN, BenchClient } from '../bench/support/rest-client.ts';
import { startServerProcess } from './server-process.ts';

const RECORDS = 20;
const FIELDS = 10;
const EDITS_PER_SECOND = 2;

/**
 * ARCHITECTURE §5 under load: simulated clients (the real provider, in this process) on one
 * table, each with the table channel and one record doc open, each editing 2 cells/s. The
 * server runs in its own process. Measured: edit → patch on every other client's table
 * channel, edit → update in the other docs of the record, edits missing from the record
 * history at the end (must be 0), and the server's peak RSS.
 *
 * Every client owns its cells (record i % 20, field ⌊i / 20⌋ % 10), so every edit must reach
 * SQLite: a concurrent overwrite of someone else's cell would make "lost" ambiguous.
 */
export const collabPropagationBench: Bench = {
  name: 'collab-propagation',
  async run(bench) {
    const clients = Math.max(10, bench.scale(200));
    const seconds = Number(process.env.SECS ?? 60);
    const server = await startServerProcess(BENCH_ADMIN);
    const sims: Sim[] = [];
    try {
      const { api, token, tableId, fieldIds, recordIds } = await prepare(server.url);
      const wsUrl = `${server.url.replace(/^http/, 'ws')}/collab`;
      const stats = new Stats();
      for (let i = 0; i < clients; i++) sims.push(openSim(i, wsUrl, token, tableId, recordIds[i % RECORDS]!, fieldIds[Math.floor(i / RECORDS) % FIELDS]!, stats));
      await Promise.all(sims.map((sim) => sim.doc.synced()));
      await new Promise((resolve) => setTimeout(resolve, 500)); // table channels authenticated

      const started = performance.now();
      let lagMax = 0;
      let lagLast = performance.now();
      const lagTimer = setInterval(() => {
        const t = performance.now();
        lagMax = Math.max(lagMax, t - lagLast - 100);
        lagLast = t;
      }, 100);
      const progress = process.env.DEBUG_BENCH ? setInterval(() => console.log('deliveries', stats.channel.length, 'lagMax', Math.round(lagMax), 'p50', round(percentile(stats.channel.slice(-5000), 50))), 2000) : undefined;
      const timers = sims.map((sim) => startEditing(sim, seconds * 1000));
      await Promise.all(timers);
      const editing = (performance.now() - started) / 1000;
      clearInterval(lagTimer);
      clearInterval(progress);
      bench.report({ name: 'client process: worst event-loop lag', value: Math.round(lagMax), unit: 'ms' });
      await quiesce(sims);
      await new Promise((resolve) => setTimeout(resolve, 1000)); // last patches in flight

      const edits = sims.reduce((sum, sim) => sum + sim.sent.length, 0);
      bench.report({ name: `${clients} clients × ${EDITS_PER_SECOND} edits/s for ${Math.round(editing)} s: edits`, value: edits, unit: 'edits' });
      reportLatency(bench, 'edit → patch on every other client (table channel)', stats.channel);
      reportLatency(bench, 'edit → update in the record\'s other open docs', stats.doc);
      bench.report({ name: 'patches not delivered', value: edits * (clients - 1) - stats.channel.length, unit: 'patches', target: '0' });
      bench.report({ name: 'lost edits (sent, not in record history)', value: lostEdits(server.dataDir, tableId, sims), unit: 'edits', target: '0' });
      const last = await api.call<{ records: Array<{ id: string; fields: Record<string, unknown> }> }>('GET', `/tables/${tableId}/records?pageSize=100&returnFieldsByFieldId=true`);
      bench.report({ name: 'cells whose final value is not the last edit', value: staleCells(sims, last.body.records), unit: 'cells', target: '0' });
      bench.report({ name: 'server peak RSS', value: server.peakRssMb(), unit: 'MB', target: '≤ 500' });
    } finally {
      for (const sim of sims) sim.client.destroy();
      await server.stop();
    }
  },
};

interface Sim {
  index: number;
  client: CollabClient;
  doc: ReturnType<CollabClient['openRecord']>;
  recordId: number;
  fieldId: string;
  sent: string[];
}

class Stats {
  readonly channel: number[] = [];
  readonly doc: number[] = [];
}

/** `<client>:<seq>:<epoch ms>`: each edit is unique and carries the moment it was made. */
const now = () => performance.timeOrigin + performance.now();
const sentAt = (value: unknown) => (typeof value === 'string' ? Number(value.split(':')[2]) : NaN);
const sender = (value: unknown) => (typeof value === 'string' ? Number(value.split(':')[0]) : NaN);

function openSim(index: number, url: string, token: string, tableId: string, recordId: number, fieldId: string, stats: Stats): Sim {
  const client = new CollabClient({ url, token, WebSocketPolyfill: WebSocket });
  const channel = client.openTable(tableId, {
    onMessage(message) {
      if (message.type !== 'patch') return;
      for (const value of Object.values(message.values)) {
        if (sender(value) !== index && Number.isFinite(sentAt(value))) stats.channel.push(now() - sentAt(value));
      }
    },
  });
  channel.setPresence({ cell: { recordId: `rec${recordId}`, fieldId } });
  const doc = client.openRecord(tableId, recordId);
  doc.fields.observe((event) => {
    if (event.transaction.local) return;
    for (const key of event.keysChanged) {
      const value = doc.fields.get(key);
      if (sender(value) !== index && Number.isFinite(sentAt(value))) stats.doc.push(now() - sentAt(value));
    }
  });
  return { index, client, doc, recordId, fieldId, sent: [] };
}

function startEditing(sim: Sim, durationMs: number): Promise<void> {
  return new Promise((resolve) => {
    const end = performance.now() + durationMs;
    const tick = () => {
      if (performance.now() >= end) return resolve();
      const value = `${sim.index}:${sim.sent.length}:${now().toFixed(3)}`;
      sim.sent.push(value);
      sim.doc.fields.set(sim.fieldId, value);
      setTimeout(tick, 1000 / EDITS_PER_SECOND);
    };
    setTimeout(tick, Math.random() * (1000 / EDITS_PER_SECOND)); // spread the clients out
  });
}

async function quiesce(sims: Sim[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (sims.some((sim) => sim.doc.provider.hasUnsyncedChanges)) {
    if (process.env.DEBUG_BENCH) console.log('unsynced', sims.filter((sim) => sim.doc.provider.hasUnsyncedChanges).map((sim) => [sim.index, sim.doc.provider.unsyncedChanges, sim.doc.provider.isAuthenticated, sim.doc.provider.isSynced, sim.client.socket.status]).slice(0, 10));
    if (Date.now() > deadline) throw new Error('clients still had unacknowledged edits after 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function reportLatency(bench: BenchContext, name: string, samples: number[]): void {
  if (!samples.length) return; // e.g. a small run with one client per record: no other docs
  bench.report({ name: `${name} p50`, value: round(percentile(samples, 50)), unit: 'ms', target: '≤ 10' });
  bench.report({ name: `${name} p95`, value: round(percentile(samples, 95)), unit: 'ms', target: '≤ 50' });
  bench.report({ name: `${name} p99`, value: round(percentile(samples, 99)), unit: 'ms', target: '≤ 100' });
  bench.report({ name: `${name} samples`, value: samples.length, unit: 'deliveries' });
}

/** Reads the record history from the server's SQLite file (read-only, WAL allows it). */
function lostEdits(dataDir: string, tableId: string, sims: Sim[]): number {
  const db = new BetterSqlite3(path.join(dataDir, 'tessera.db'), { readonly: true });
  try {
    const written = new Set<unknown>();
    for (const row of db.prepare('SELECT changes FROM record_history WHERE table_id = ?').iterate(tableId) as Iterable<{ changes: string }>) {
      for (const [, after] of Object.values(JSON.parse(row.changes) as Record<string, [unknown, unknown]>)) written.add(after);
    }
    return sims.reduce((sum, sim) => sum + sim.sent.filter((value) => !written.has(value)).length, 0);
  } finally {
    db.close();
  }
}

function staleCells(sims: Sim[], records: Array<{ id: string; fields: Record<string, unknown> }>): number {
  const byId = new Map(records.map((record) => [record.id, record.fields]));
  return sims.filter((sim) => sim.sent.length && byId.get(`rec${sim.recordId}`)?.[sim.fieldId] !== sim.sent.at(-1)).length;
}

async function prepare(url: string): Promise<{ api: BenchClient; token: string; tableId: string; fieldIds: string[]; recordIds: number[] }> {
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
    api,
    token,
    tableId: table.body.id,
    fieldIds: table.body.fields.slice(1).map((field) => field.id),
    recordIds: created.body.records.map((record) => Number(record.id.slice(3))),
  };
}
