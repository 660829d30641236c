import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toTsv } from './clipboard.ts';
import { parseClipboard, parseTsv } from './paste.ts';

describe('reading pasted TSV', () => {
  it("reads Excel's quoting: tabs, line breaks and doubled quotes inside quoted cells", () => {
    expect(parseTsv('a\tb\r\nc\t\r\n')).toEqual([['a', 'b'], ['c', '']]);
    expect(parseTsv('"line 1\nline 2"\t"say ""hi"""\t"x\ty"\r\n')).toEqual([['line 1\nline 2', 'say "hi"', 'x\ty']]);
    // A quote that does not open a whole cell is text.
    expect(parseTsv('5" screen\tok')).toEqual([['5" screen', 'ok']]);
    expect(parseTsv('one')).toEqual([['one']]);
  });

  it('reads back what copy writes, and the fixture Excel wrote', () => {
    const rows = [['客户', 'a\tb'], ['第一行\n第二行', 'say "x"'], ['', '']];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
    const fixture = parseTsv(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared/fixtures/excel-clipboard.tsv'), 'utf8'));
    expect(fixture).toHaveLength(21);
    expect(fixture.every((row) => row.length === 6)).toBe(true);
    expect(fixture[3]![5]).toBe('第一行\n第二行');
  });
});

describe('reading a big paste', () => {
  it('reads the TSV when it has the HTML table’s shape (no DOM needed)', () => {
    const rows = Array.from({ length: 1200 }, (_, i) => [`客户 ${i}`, `${i}`]);
    const html = `<table>${rows.map((row) => `<tr><td>${row.join('</td><td>')}</td></tr>`).join('')}</table>`;
    expect(parseClipboard(html, toTsv(rows))).toEqual(rows);
  });
});
