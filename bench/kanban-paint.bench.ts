import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { writeRecords } from '../server/records/index.ts';
import { createTable } from '../server/tables/index.ts';
import { createView } from '../server/views/views.service.ts';
import { percentile, round, type Bench, type BenchContext } from './harness.ts';
import { openAdminPage } from './support/bench-browser.ts';
import { openBenchDb } from './support/bench-db.ts';
import { BENCH_ADMIN } from './support/rest-client.ts';
import { startServerProcess } from './support/server-process.ts';

const STAGES = ['初步接洽', '需求确认', '方案报价', '商务谈判', '已签约'] as const;

/**
 * A sales pipeline of 10,000 deals (5 stages × 2,000) as a kanban board in Chromium against
 * the real server in its own process: navigation to every stack showing its cards, a jump
 * deep into one stack until its cards show, and how many cards the DOM holds meanwhile.
 */
export const kanbanPaintBench: Bench = {
  name: 'kanban-paint',
  async run(bench) {
    const perStack = bench.scale(2000);
    const total = perStack * STAGES.length;
    const label = `${total.toLocaleString('en')} cards in ${STAGES.length} stacks`;
    const seeded = await seedBoard(perStack);
    const server = await startServerProcess({ ...BENCH_ADMIN, TESSERA_DATA_DIR: seeded.dataDir });
    let browser: Awaited<ReturnType<typeof openAdminPage>> | undefined;
    try {
      browser = await openAdminPage(server.url, { width: 1600, height: 900 });
      const { page } = browser;
      const url = `/bases/${seeded.baseId}/tables/${seeded.tableId}?view=${seeded.viewId}`;
      await measureFirstPaint(bench, page, url, label);
      await measureDeepScroll(bench, page, perStack, label);
      bench.report({ name: `${label}: server peak RSS`, value: server.peakRssMb(), unit: 'MB' });
    } finally {
      await browser?.close();
      await server.stop();
      fs.rmSync(seeded.dataDir, { recursive: true, force: true });
    }
  },
};

async function seedBoard(perStack: number): Promise<{ dataDir: string; baseId: string; tableId: string; viewId: string }> {
  const { dataDir, ctx, actor, baseId } = await openBenchDb('tessera-bench-kanban-');
  const table = createTable(ctx, actor, baseId, {
    name: '商机',
    fields: [
      { name: '商机名称', type: 'singleLineText' },
      { name: '客户', type: 'singleLineText' },
      { name: '阶段', type: 'singleSelect', options: { choices: STAGES.map((name) => ({ name })) } },
      { name: '预估金额', type: 'currency', options: { symbol: '¥', precision: 2 } },
      { name: '下次跟进', type: 'date' },
    ] as never,
  });
  const id = new Map(table.fields.map((field) => [field.name, field.id]));
  const total = perStack * STAGES.length;
  for (let start = 0; start < total; start += 5000) {
    const creates = Array.from({ length: Math.min(5000, total - start) }, (_, offset) => {
      const i = start + offset;
      return {
        [id.get('商机名称')!]: `商机 ${i + 1}`,
        [id.get('客户')!]: `客户公司 ${(i * 7) % 997}`,
        [id.get('阶段')!]: STAGES[i % STAGES.length],
        [id.get('预估金额')!]: ((i * 7919) % 500_000) + 1000,
        [id.get('下次跟进')!]: `2024-0${(i % 9) + 1}-1${i % 10}`,
      };
    });
    writeRecords(ctx, { tableId: table.id, creates }, { actor, origin: 'import', typecast: true });
  }
  const view = createView(ctx, actor, table.id, {
    name: '销售管道', type: 'kanban', stackField: id.get('阶段')!, sumField: id.get('预估金额')!, cardFields: [id.get('客户')!, id.get('预估金额')!, id.get('下次跟进')!],
  });
  ctx.db.close();
  return { dataDir, baseId, tableId: table.id, viewId: view.id };
}

/** ms from navigation start until every stack shows cards; the first run finds the server cold. */
async function measureFirstPaint(bench: BenchContext, page: Page, url: string, label: string): Promise<void> {
  const samples: number[] = [];
  let domCards = 0;
  for (let run = 0; run < 6; run++) {
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction((stacks) => {
      const shown = [...document.querySelectorAll('.kanban-stack')].filter((stack) => stack.querySelector('.kanban-card .board-card-title'));
      return shown.length >= stacks ? performance.now() : 0;
    }, STAGES.length, { polling: 'raf' });
    samples.push((await handle.jsonValue()) as number);
    domCards = await page.locator('.kanban-card').count();
  }
  bench.report({ name: `${label}: cards visible after navigation, cold`, value: round(samples[0]!, 0), unit: 'ms', target: '≤ 1,000' });
  bench.report({ name: `${label}: cards visible after navigation, warm p50`, value: round(percentile(samples.slice(1), 50), 0), unit: 'ms', target: '≤ 1,000' });
  bench.report({ name: `${label}: cards in the DOM`, value: domCards, unit: 'cards' });
}

/** Jumps a stack's scroller near its end; ms until the cards there show (a page fetched per jump). */
async function measureDeepScroll(bench: BenchContext, page: Page, perStack: number, label: string): Promise<void> {
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const ms = await page.evaluate(async ([fraction]) => {
      const body = document.querySelectorAll<HTMLElement>('.kanban-stack-body')[2]!;
      const started = performance.now();
      body.scrollTop = fraction! * (body.scrollHeight - body.clientHeight);
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const top = body.getBoundingClientRect().top;
        const bottom = body.getBoundingClientRect().bottom;
        const visible = [...body.querySelectorAll<HTMLElement>('.board-card')].filter((card) => {
          const rect = card.getBoundingClientRect();
          return rect.bottom > top && rect.top < bottom;
        });
        if (visible.length && visible.every((card) => card.classList.contains('kanban-card'))) return performance.now() - started;
        if (performance.now() - started > 30_000) throw new Error('cards did not show in 30 s');
      }
    }, [0.5 + run * 0.1] as const);
    samples.push(ms);
  }
  const domCards = await page.locator('.kanban-card').count();
  bench.report({ name: `${label}: jump deep into a stack of ${perStack.toLocaleString('en')} until its cards show (p50)`, value: round(percentile(samples, 50), 0), unit: 'ms', target: '≤ 300' });
  bench.report({ name: `${label}: cards in the DOM after scrolling`, value: domCards, unit: 'cards' });
}
