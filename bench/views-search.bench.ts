import type { AppContext } from '../server/context.ts';
import { writeRecords } from '../server/records/index.ts';
import { searchIndexesOf } from '../server/search/index.ts';
import { percentile, round, type Bench, type BenchContext } from './harness.ts';
import { customerChunks } from './support/crm-rows.ts';
import { startCrmServer, timed, type CrmServer } from './support/crm-server.ts';

const INITIALS = ['yf', 'hc', 'by', 'qm', 'hx', 'rf', 'tc', 'js', 'zk', 'dt'];
const CITIES = ['杭州', '上海', '深圳', '苏州', '成都', '武汉', '南京', '宁波', '广州', '北京'];
const BRANDS = ['云帆', '华创', '博远', '启明', '恒信', '瑞丰', '天成', '金石', '中科', '鼎泰'];
const WORDS = [
  '精密机械', '信息科技', '供应链', '融资租赁', '医疗器械', '教育科技', '建筑设计', '餐饮管理', '企业管理', '人力资源',
  '汽车零部件', '网络科技', '数据科技', '投资管理', '保险代理', '生物科技', '健康管理', '建设工程', '装饰工程', '供应链管理',
];

/**
 * The grid's search box over the customers table (1,000,000 rows at full scale), over HTTP
 * on 127.0.0.1: the first block and the match count for a substring of the view's text
 * fields. Every sample is a different query, so no cache answers it. Also: the lazy index
 * build (started by the first search), and the bulk write path with and without the index.
 */
export const viewsSearchBench: Bench = {
  name: 'views-search',
  async run(bench) {
    const total = bench.scale(1_000_000);
    const label = `${total.toLocaleString('en')} rows`;
    const crm = await startCrmServer(total);
    try {
      const ctx = crm.server.ctx;
      const rateWithout = await writeRate(ctx, crm.tableId, crm.fieldIds, bench.scale(20_000));
      bench.report({ name: `write path, ${bench.scale(20_000).toLocaleString('en')} creates in batches of 2,000, table never searched`, value: rateWithout, unit: 'rows/s' });

      const search = (query: string) => crm.api.call<{ total: number }>('GET', `/tables/${crm.tableId}/rows?start=0&limit=100&search=${encodeURIComponent(query)}`);
      const buildStart = performance.now();
      const firstMs = await timed(() => search('云帆信息'));
      bench.report({ name: `${label}: first search (starts the index build, answered by a scan)`, value: round(firstMs, 0), unit: 'ms' });
      await searchIndexesOf(ctx).whenReady(crm.tableId);
      bench.report({ name: `${label}: trigram index build in the background`, value: round((performance.now() - buildStart) / 1000, 1), unit: 's' });

      await measure(bench, `${label}: Latin substring (website, e.g. "yf12"), first block + count`, INITIALS.flatMap((i, n) => [`${i}${n + 1}${n}`, `www.${i}${n + 2}`]), search, '≤ 50');
      await measure(bench, `${label}: Chinese 4+ characters (city+brand, e.g. "杭州云帆"), first block + count`, CITIES.flatMap((city, n) => [`${city}${BRANDS[n]}`, `${city}${BRANDS[(n + 3) % 10]}`]), search, '≤ 50');
      await measure(bench, `${label}: Chinese common words (industry words in company names, e.g. "信息科技")`, WORDS, search, '≤ 50');
      await measure(bench, `${label}: 1–2 characters (scan, e.g. "王", "杭州")`, [...CITIES.slice(0, 5), '王', '李', '张', '刘', '陈'], search);

      const rateWith = await writeRate(ctx, crm.tableId, crm.fieldIds, bench.scale(20_000));
      bench.report({ name: `write path, same creates with the search index present`, value: rateWith, unit: 'rows/s' });
      const catchUp = performance.now();
      await searchIndexesOf(ctx).whenReady(crm.tableId);
      bench.report({ name: `index catching up with those creates afterwards, in the background`, value: round(performance.now() - catchUp, 0), unit: 'ms' });
    } finally {
      await crm.close();
    }
  },
};

async function measure(bench: BenchContext, name: string, queries: string[], search: (query: string) => Promise<{ body: { total: number } }>, target?: string): Promise<void> {
  const samples: number[] = [];
  const matches: number[] = [];
  for (const query of queries) {
    let found = 0;
    samples.push(await timed(async () => { found = (await search(query)).body.total; }));
    matches.push(found);
  }
  bench.report({ name: `${name} p50 (median ${percentile(matches, 50).toLocaleString('en')} matches)`, value: round(percentile(samples, 50), 1), unit: 'ms' });
  bench.report({ name: `${name} p95`, value: round(percentile(samples, 95), 1), unit: 'ms', ...(target ? { target } : {}) });
}

/** Rows/s of bulk creates through the write path, in batches of 2,000 (an import's shape). */
async function writeRate(ctx: AppContext, tableId: string, fieldIds: CrmServer['fieldIds'], count: number): Promise<number> {
  let ms = 0;
  for await (const chunk of customerChunks(count, count)) {
    const creates = chunk.map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [fieldIds.get(name)!, value])));
    for (let start = 0; start < creates.length; start += 2000) {
      const batch = creates.slice(start, start + 2000);
      const t0 = performance.now();
      writeRecords(ctx, { tableId, creates: batch }, { origin: 'import', typecast: true });
      ms += performance.now() - t0;
    }
  }
  return Math.round(count / (ms / 1000));
}
