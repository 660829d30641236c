import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { seeded } from '../../tests/support/seeded-random.ts';
import { openCsvSource } from './csv-source.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-csv-source-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Rows as the streaming reader gives them, every chunk and window joined. */
async function readAll(text: string): Promise<Array<{ row: number; cells: unknown[] }>> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, text);
  const source = await openCsvSource(file, 'x.csv');
  const reader = source.openSheet('x.csv');
  const rows: Array<{ row: number; cells: unknown[] }> = [];
  for await (const chunk of reader.rows()) rows.push(...chunk);
  reader.close();
  return rows;
}

describe('the streaming CSV reader', () => {
  it('reads a multi-megabyte file with quoted line breaks, long records and windows cut anywhere as papaparse reads it whole', async () => {
    const next = seeded(7);
    const cells = ['客户', 'plain', '"with, comma"', '"multi\r\nline ""quoted"""', '', 'x'.repeat(3000), '"' + 'long quoted '.repeat(7000) + '"'];
    const lines = ['名称,备注,金额'];
    for (let i = 0; i < 6000; i++) lines.push([cells[Math.floor(next() * cells.length)], cells[Math.floor(next() * 5)], String(i)].join(','));
    const text = `${lines.join('\r\n')}\r\n`;
    expect(text.length).toBeGreaterThan(3 * 1024 * 1024);
    const expected = Papa.parse<string[]>(text.slice(0, -2), { delimiter: ',', newline: '\r\n' }).data;
    const rows = await readAll(text);
    expect(rows.map((row) => row.cells)).toEqual(expected);
    expect(rows.at(-1)!.row).toBe(6001);
  });
});
