import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTsv } from './paste.ts';
import { looksLikeHeaderRow, planNewColumns } from './paste-columns.ts';

const excel = parseTsv(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared/fixtures/excel-clipboard.tsv'), 'utf8'));

describe('whether the first pasted row is a header', () => {
  it('is when typed values sit under text names', () => {
    expect(looksLikeHeaderRow(excel)).toBe(true);
    expect(looksLikeHeaderRow([['金额', '签约日期'], ['1,200', '2026-01-05'], ['800', '2026-02-01']])).toBe(true);
    expect(looksLikeHeaderRow([['Email'], ['a@example.com'], ['b@example.com']])).toBe(true);
  });

  it('is when a cell names a field it lands on, even over plain text', () => {
    expect(looksLikeHeaderRow([['Company', 'Contact'], ['阿里', '张三']], ['company'])).toBe(true);
  });

  it('is not for data rows, a single row, or text under text', () => {
    expect(looksLikeHeaderRow([['100', '200'], ['300', '400']])).toBe(false);
    expect(looksLikeHeaderRow([['公司', '城市']])).toBe(false);
    expect(looksLikeHeaderRow([['公司', '城市'], ['阿里', '杭州']])).toBe(false);
    expect(looksLikeHeaderRow([['2026-01-01', 'x'], ['5', 'y']])).toBe(false);
    // Repeated names are data, not a header.
    expect(looksLikeHeaderRow([['a', 'a'], ['1', '2']])).toBe(false);
  });
});

describe('the fields for columns past the last one', () => {
  it('take their names from the header and their types from the values', () => {
    const matrix = [
      ['Name', '金额', '签约日期', 'Email', 'Stage', '赢单概率'],
      ['A', '¥1,200', '2026-01-05', 'a@x.com', 'Lead', '0.5'],
      ['B', '800', '2026-02-01', 'b@x.com', 'Won', '0.25'],
      ['C', '3,000', '2026-03-10', 'c@x.com', 'Lead', '0.75'],
      ['D', '100', '2026-03-11', 'd@x.com', 'Lead', '1'],
    ];
    const plan = planNewColumns(matrix, { from: 1, headers: true, existingNames: ['Name'], fieldWord: 'Field' });
    expect(plan.map((column) => [column.name, column.type])).toEqual([
      ['金额', 'currency'],
      ['签约日期', 'date'],
      ['Email', 'email'],
      ['Stage', 'singleSelect'],
      ['赢单概率', 'percent'],
    ]);
    expect(plan[3]!.options).toEqual({ choices: [{ name: 'Lead' }, { name: 'Won' }] });
  });

  it('are "Field 5, Field 6 …" without a header, numbers and dates still inferred', () => {
    const matrix = [['x', '1', '2026-01-01', 'text'], ['y', '2', '2026-01-02', '']];
    const plan = planNewColumns(matrix, { from: 1, headers: false, existingNames: ['A', 'B', 'C', 'D'], fieldWord: 'Field' });
    expect(plan).toEqual([
      { name: 'Field 5', type: 'number', options: {} },
      { name: 'Field 6', type: 'date', options: { includeTime: false } },
      { name: 'Field 7', type: 'singleLineText', options: {} },
    ]);
  });

  it('never reuse a name: taken and empty headers get another', () => {
    const matrix = [['City', '', 'City'], ['1', '2', '3']];
    const plan = planNewColumns(matrix, { from: 0, headers: true, existingNames: ['city'], fieldWord: '字段' });
    expect(plan.map((column) => column.name)).toEqual(['City (2)', '字段 3', 'City (3)']);
  });
});
