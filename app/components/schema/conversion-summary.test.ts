import { describe, expect, it } from 'vitest';
import { failureRows, summarizePreview } from './conversion-summary.ts';
import type { ConversionPreview, FieldJson } from './types.ts';

const env = { locale: 'en', timeZone: 'Asia/Shanghai' };
const amount: FieldJson = { id: 'fldAmt', name: 'Amount', type: 'singleLineText', options: {}, description: null };

describe('summarizePreview', () => {
  it('counts and formats samples on each side by its own field', () => {
    const preview: ConversionPreview = {
      field: { ...amount, type: 'currency', options: { symbol: '¥', precision: 2 } },
      conversion: { converted: 2, failed: [{ recordId: 'rec3', value: 'about 50k', reason: 'not a number' }], failedCount: 1 },
      samples: [
        { recordId: 'rec1', before: '¥10,000', after: 10000 },
        { recordId: 'rec2', before: '12000', after: 12000 },
        { recordId: 'rec3', before: 'about 50k', after: null },
      ],
    };
    const summary = summarizePreview(preview, amount, { symbol: '¥', precision: 2 }, env);
    expect(summary).toMatchObject({ converted: 2, failed: 1, nothingToConvert: false, addedChoices: [] });
    expect(summary.rows).toEqual([
      { recordId: 'rec1', before: '¥10,000', after: '¥10,000.00', failed: false },
      { recordId: 'rec2', before: '12000', after: '¥12,000.00', failed: false },
      { recordId: 'rec3', before: 'about 50k', after: '', failed: true },
    ]);
  });

  it('names the choices the server adds from existing values', () => {
    const preview: ConversionPreview = {
      field: { ...amount, type: 'singleSelect', options: { choices: [{ id: 's1', name: 'VIP', color: 'blue' }, { id: 's2', name: '普通', color: 'cyan' }] } },
      conversion: { converted: 5, failed: [], failedCount: 0 },
      samples: [{ recordId: 'rec1', before: 'VIP', after: 'VIP' }],
    };
    expect(summarizePreview(preview, amount, { choices: [{ id: 's1', name: 'VIP', color: 'blue' }] }, env).addedChoices).toEqual(['普通']);
  });

  it('says when there is nothing to convert', () => {
    const preview: ConversionPreview = { field: { ...amount, type: 'number' }, conversion: { converted: 0, failed: [], failedCount: 0 }, samples: [] };
    expect(summarizePreview(preview, amount, {}, env).nothingToConvert).toBe(true);
  });
});

describe('failureRows', () => {
  it('lists the reported failures and how many more there were', () => {
    const result = failureRows({ converted: 0, failed: [{ recordId: 'rec3', value: 'about 50k', reason: 'not a number' }], failedCount: 140 }, amount, env);
    expect(result).toEqual({ rows: [{ recordId: 'rec3', value: 'about 50k', reason: 'not a number' }], more: 139 });
  });
});
