import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The ten customer fields the benchmarks use, as in the 客户 sheet users import. */
export const CUSTOMER_BENCH_FIELDS = [
  { name: '客户名称', type: 'singleLineText' },
  { name: '统一社会信用代码', type: 'singleLineText' },
  { name: '所属行业', type: 'singleSelect', options: { choices: ['制造业', '信息技术', '批发零售', '金融服务', '医疗健康', '教育培训', '建筑工程', '物流运输', '餐饮服务', '专业服务'].map((name) => ({ name })) } },
  { name: '城市', type: 'singleLineText' },
  { name: '官方网站', type: 'url' },
  { name: '商机阶段', type: 'singleSelect', options: { choices: ['初步接洽', '需求分析', '方案报价', '商务谈判', '已签约', '已流失'].map((name) => ({ name })) } },
  { name: '负责人', type: 'singleLineText' },
  { name: '预估金额', type: 'currency', options: { symbol: '¥', precision: 2 } },
  { name: '赢单概率', type: 'percent' },
  { name: '下次跟进日期', type: 'date' },
] as const;

type Customer = Record<string, string | number>;
let generator: ((n: number, seed: number) => Customer[]) | undefined;

async function customers(n: number, seed: number): Promise<Customer[]> {
  if (!generator) {
    const file = path.resolve(import.meta.dirname, '../../../shared/fixtures/crm-data.mjs');
    generator = ((await import(pathToFileURL(file).href)) as { customers: typeof generator }).customers;
  }
  return generator!(n, seed);
}

/**
 * Customer rows as field values keyed by field name, in chunks: the shared generator keeps
 * names unique within one call, so big runs ask for 10,000 at a time with their own seed.
 */
export async function* customerChunks(total: number, chunk = 10_000): AsyncGenerator<Array<Record<string, unknown>>> {
  for (let start = 0; start < total; start += chunk) {
    const rows = await customers(Math.min(chunk, total - start), 42 + start);
    yield rows.map((c) => ({
      客户名称: c.name, 统一社会信用代码: c.uscc, 所属行业: c.industry, 城市: c.city, 官方网站: c.website,
      商机阶段: c.stage, 负责人: c.owner, 预估金额: c.amount, 赢单概率: c.probability, 下次跟进日期: c.nextFollowUp,
    }));
  }
}
