import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login } from '../tests/support/browser.ts';
import { round, type Bench, type BenchContext } from './harness.ts';
import { CUSTOMER_BENCH_FIELDS, customerChunks } from './support/crm-rows.ts';
import { BENCH_ADMIN, BenchClient } from './support/rest-client.ts';
import { startServerProcess } from './support/server-process.ts';

/**
 * Pasting 10,000 rows × 10 columns into the grid, as Excel puts them on the clipboard (an
 * HTML table and TSV), with a second person's page open on the same table. Measured from
 * the paste event: the pasting page's "pasted" toast (every batch committed), and the
 * second page showing the new row count and then, scrolled to the end, the last pasted
 * row's value. Twice: into an empty table (rows created), then over those rows (updated).
 * Timestamps are wall-clock (performance.timeOrigin + now) in both pages, one machine.
 */
export const pasteRowsBench: Bench = {
  name: 'paste-rows',
  async run(bench) {
    const total = bench.scale(10_000);
    const label = `${total.toLocaleString('en')} rows × 10 columns`;
    const server = await startServerProcess(BENCH_ADMIN);
    const browser = await launchBrowser();
    try {
      const { baseId, tableId, firstField } = await prepareTable(server.url);
      const url = `/bases/${baseId}/tables/${tableId}`;
      const paster = await openTable(browser, server.url, url, firstField);
      const watcher = await openTable(browser, server.url, url, firstField);
      const created = await clipboardRows(total, 'A');
      await measurePaste(bench, paster, watcher, created, { label: `${label}, new records`, total, firstField, creates: true });
      const updated = await clipboardRows(total, 'B');
      await measurePaste(bench, paster, watcher, updated, { label: `${label}, over existing records`, total, firstField, creates: false });
      bench.report({ name: `${label}: server peak RSS`, value: server.peakRssMb(), unit: 'MB' });
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};

/** A customers table with one record (the grid needs a cell to paste on). */
async function prepareTable(url: string): Promise<{ baseId: string; tableId: string; firstField: string }> {
  const api = new BenchClient(url);
  await api.call('POST', '/auth/login', { email: BENCH_ADMIN.TESSERA_ADMIN_EMAIL, password: BENCH_ADMIN.TESSERA_ADMIN_PASSWORD });
  const base = await api.call<{ id: string }>('POST', '/bases', { name: 'Paste bench' });
  const table = await api.call<{ id: string; fields: Array<{ id: string }> }>('POST', `/bases/${base.body.id}/tables`, { name: 'Customers', fields: CUSTOMER_BENCH_FIELDS });
  await api.call('POST', `/tables/${table.body.id}/records`, { records: [{ fields: { 客户名称: 'first' } }] });
  return { baseId: base.body.id, tableId: table.body.id, firstField: table.body.fields[0]!.id };
}

async function openTable(browser: Browser, baseURL: string, url: string, firstField: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  // tsx keeps function names with an `__name` helper, which code sent to the page lacks.
  await context.addInitScript('window.__name = (fn) => fn;');
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`/login?redirectTo=${encodeURIComponent(url)}`);
  await login(page, BENCH_ADMIN_LOGIN);
  await page.locator(`.ag-row[row-index="0"] .ag-cell[col-id="${firstField}"] .cell-frame`).waitFor();
  return page;
}

const BENCH_ADMIN_LOGIN = { email: BENCH_ADMIN.TESSERA_ADMIN_EMAIL, password: BENCH_ADMIN.TESSERA_ADMIN_PASSWORD };

interface Clipboard {
  html: string;
  text: string;
  /** The first column of the last row, to look for on the second page. */
  lastName: string;
}

/** Rows as Excel copies them: every cell as displayed text, TSV and an HTML table. */
async function clipboardRows(total: number, tag: string): Promise<Clipboard> {
  const rows: string[][] = [];
  for await (const chunk of customerChunks(total)) {
    for (const row of chunk) rows.push(CUSTOMER_BENCH_FIELDS.map((field) => String(row[field.name] ?? '')));
  }
  rows.forEach((row, index) => { row[0] = `${tag}${index} ${row[0]}`; });
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = `<html><body><table>${rows.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
  return { html, text: `${rows.map((row) => row.join('\t')).join('\r\n')}\r\n`, lastName: rows.at(-1)![0]! };
}

async function measurePaste(bench: BenchContext, paster: Page, watcher: Page, clipboard: Clipboard, run: { label: string; total: number; firstField: string; creates: boolean }): Promise<void> {
  // Both pages at the top, the pasting one on the first cell.
  for (const page of [paster, watcher]) await page.evaluate(() => { document.querySelector('.ag-grid-viewport')?.scrollTo({ top: 0 }); });
  await paster.locator(`.ag-row[row-index="0"] .ag-cell[col-id="${run.firstField}"]`).click({ position: { x: 4, y: 4 } });
  await paster.evaluate((data) => { (window as unknown as { benchClipboard: typeof data }).benchClipboard = data; }, { html: clipboard.html, text: clipboard.text });

  // The second page: the row count, then (scrolled to the end) the last row's name.
  const seen = watcher.evaluate(async ({ total, field, name }) => {
    const wall = () => performance.timeOrigin + performance.now();
    const counted = () => [...document.querySelectorAll('.grid-toolbar [aria-live="polite"]')].some((el) => el.textContent?.replace(/\D/g, '') === String(total));
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const started = wall();
    while (!counted()) {
      if (wall() - started > 60_000) throw new Error('the second page never showed the row count');
      await frame();
    }
    const countAt = wall();
    for (;;) {
      const viewport = document.querySelector<HTMLElement>('.ag-grid-viewport');
      if (viewport) viewport.scrollTop = viewport.scrollHeight;
      const cell = document.querySelector(`.ag-row[row-index="${total - 1}"] .ag-cell[col-id="${field}"]`);
      if (cell?.textContent?.trim() === name) return { countAt, rowAt: wall() };
      if (wall() - started > 60_000) throw new Error(`the second page never showed row ${total - 1}: ${cell?.textContent}`);
      await frame();
    }
  }, { total: run.total, field: run.firstField, name: clipboard.lastName });

  // BENCH_BROWSER_PROF=<dir>: the pasting page's CPU profile of each paste, for DevTools.
  const profiler = process.env.BENCH_BROWSER_PROF ? await paster.context().newCDPSession(paster) : undefined;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.start');
  }
  const applied = paster.evaluate(async () => {
    const wall = () => performance.timeOrigin + performance.now();
    const done = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no "pasted" toast in 60 s')), 60_000);
      const observer = new MutationObserver(() => {
        if ([...document.querySelectorAll('.toast')].some((toast) => /records? pasted/.test(toast.textContent ?? ''))) {
          clearTimeout(timer);
          observer.disconnect();
          resolve(wall());
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    for (const toast of document.querySelectorAll<HTMLButtonElement>('.toast button')) toast.click();
    const data = (window as unknown as { benchClipboard: { html: string; text: string } }).benchClipboard;
    const transfer = new DataTransfer();
    transfer.setData('text/html', data.html);
    transfer.setData('text/plain', data.text);
    performance.clearResourceTimings();
    const pastedAt = wall();
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    const appliedAt = await done;
    // Where the time went: the batch requests as the browser timed them.
    const batches = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/rows/batch')) as PerformanceResourceTiming[];
    const origin = performance.timeOrigin;
    return {
      pastedAt,
      appliedAt,
      firstRequest: batches.length ? origin + batches[0]!.startTime - pastedAt : NaN,
      lastResponse: batches.length ? origin + batches.at(-1)!.responseEnd - pastedAt : NaN,
      waiting: batches.reduce((sum, entry) => sum + (entry.responseStart - entry.requestStart), 0),
      requests: batches.length,
    };
  });
  const [{ pastedAt, appliedAt, firstRequest, lastResponse, waiting, requests }, { countAt, rowAt }] = await Promise.all([applied, seen]);
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    fs.writeFileSync(path.join(process.env.BENCH_BROWSER_PROF!, `paste-${run.creates ? 'create' : 'update'}.cpuprofile`), JSON.stringify(profile));
  }
  console.log(`    (${requests} batch requests; first sent after ${round(firstRequest, 0)} ms, last answered at ${round(lastResponse, 0)} ms, server time ${round(waiting, 0)} ms)`);
  bench.report({ name: `${run.label}: applied on the pasting page`, value: round(appliedAt - pastedAt, 0), unit: 'ms' });
  if (run.creates) bench.report({ name: `${run.label}: second page shows the row count`, value: round(countAt - pastedAt, 0), unit: 'ms' });
  bench.report({ name: `${run.label}: second page shows the last pasted row`, value: round(rowAt - pastedAt, 0), unit: 'ms', target: '≤ 2,000' });
}
