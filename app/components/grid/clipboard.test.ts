import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHtmlTable, toTsv } from './clipboard.ts';

describe('clipboard text', () => {
  it('writes TSV the way Excel does: CRLF rows, quoted cells with tabs, breaks or quotes', () => {
    expect(toTsv([['a', 'b'], ['c', '']])).toBe('a\tb\r\nc\t\r\n');
    expect(toTsv([['line 1\nline 2', 'say "hi"', 'x\ty']])).toBe('"line 1\nline 2"\t"say ""hi"""\t"x\ty"\r\n');
  });

  it('reads back like the fixture Excel wrote for a cell with a line break', () => {
    const fixture = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared/fixtures/excel-clipboard.tsv'), 'utf8');
    const quoted = /"[^"]*\r?\n[^"]*"/.exec(fixture)?.[0];
    expect(quoted).toBeDefined();
    const inner = quoted!.slice(1, -1);
    expect(toTsv([[inner]])).toBe(`${quoted}\r\n`);
  });

  it('writes an HTML table with escaped text and same-cell line breaks', () => {
    const html = toHtmlTable([['<b>&', '上海\n浦东']]);
    expect(html).toContain('<td>&lt;b&gt;&amp;</td>');
    expect(html).toContain('<td>上海<br style="mso-data-placement:same-cell;">浦东</td>');
    expect(html).toContain('<meta charset="utf-8">');
  });
});
