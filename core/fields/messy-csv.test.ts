import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CoerceContext, FieldType } from './field-type.ts';
import { fieldTypes } from './registry.ts';
import { withAddedChoices, type SelectOptions } from './select-choices.ts';
import { typecast } from './test-support.ts';

// The shared fixtures sit beside the repository: /work/shared next to /work/main.
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../shared/fixtures/${name}`, import.meta.url)), 'utf8');

/** RFC 4180 with what Excel adds: a BOM, CRLF, quoted cells with "" and line breaks; blank lines skipped. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(cell);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

describe('readCsv', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside cells', () => {
    expect(readCsv('\uFEFFa,b\r\n"x,1","say ""hi""\nthere"\r\n\r\nlast,\n')).toEqual([
      ['a', 'b'],
      ['x,1', 'say "hi"\nthere'],
      ['last', ''],
    ]);
  });
});

type Expected = { value: unknown } | { error: string };
const v = (value: unknown): Expected => ({ value });
const e = (error: string): Expected => ({ error });

describe('messy.csv, every cell coerced with typecast', () => {
  const [header, ...rows] = readCsv(fixture('messy.csv'));
  const columns: Record<string, FieldType<any, any>> = {
    客户名称: fieldTypes.singleLineText,
    联系电话: fieldTypes.phoneNumber,
    预估金额: fieldTypes.currency,
    签约日期: fieldTypes.date,
    赢单概率: fieldTypes.percent,
    标签: fieldTypes.multipleSelects,
    备注: fieldTypes.longText,
  };
  const ctx: CoerceContext = { ...typecast, timeZone: 'Asia/Shanghai' };

  // One line per data row of the file (the blank line is skipped), cells in header order.
  const expected: Expected[][] = [
    [v('杭州云帆信息科技有限公司'), v('+86 138 0013 8000'), v(1234.5), v('2024-01-05'), v(0.12), v(['重点', '华东']), v('第一行')],
    [v('上海华创贸易有限公司'), v('138 0013 8001'), v(1_000_000), v('2024-01-06'), v(0.35), v(['华东']), v('含,逗号')],
    [v('深圳博远电子有限公司'), v('13800138002'), v(88), v('2024-01-07'), v(0.5), v(null), v('多行\n备注')],
    // 07/01/2024 after 2024/1/5, 1/6 and 2024年1月7日: day first, 7 January
    [v('苏州启明精密机械有限公司'), v('0512 6688 1234'), v(null), v('2024-01-07'), v(null), v(['重点']), v('引号"内"容')],
    [
      v('成都恒信软件有限公司'),
      e('"1380013800" is not a phone number: a Chinese mobile number has 11 digits, this has 10'),
      e('"abc" is not a number'),
      e('"2024-13-45" is not a valid date'),
      v(1.2),
      v(['西南']),
      v('电话少一位,日期无效'),
    ],
    [v('杭州云帆信息科技有限公司'), v('13800138000'), v(2000), v('2024-02-01'), v(0.2), v(['重点']), v('与第一行重复的客户')],
    // Formula-looking text is stored as typed; exports neutralize it.
    [v('=HYPERLINK("http://example.invalid","点我")'), v('+1 415 555 0100'), v(3500), v('2024-03-01'), v(0.5), v(['海外']), v('公式注入样例')],
    [v('武汉瑞丰物流有限公司 🚚'), v(null), v(null), v(null), v(null), v(null), v('表情符号')],
  ];

  it('has the columns and rows this test expects', () => {
    expect(header).toEqual(Object.keys(columns));
    expect(rows).toHaveLength(expected.length);
  });

  it('coerces every cell to the value or the error a person would expect', () => {
    let tags = fieldTypes.multipleSelects.options.parse(undefined) as SelectOptions;
    const results = rows.map((row) =>
      row.map((cell, index) => {
        const type = columns[header![index]!]!;
        const options = type === fieldTypes.multipleSelects ? tags : type.options.parse(undefined);
        const result = type.coerce(cell, options, ctx);
        if (!result.ok) return e(result.error);
        // As an import does: choices added by one row are there for the next.
        if (result.addChoices) tags = withAddedChoices(tags, result.addChoices);
        return v(result.value);
      }),
    );
    expect(results).toEqual(expected);
    expect(tags.choices.map((choice) => choice.name)).toEqual(['重点', '华东', '西南', '海外']);
  });

  it('keeps the instant when the date column includes the time', () => {
    const options = fieldTypes.date.options.parse({ includeTime: true });
    const cells = rows.map((row) => row[3]!);
    const values = cells.map((cell) => {
      const result = fieldTypes.date.coerce(cell, options, ctx);
      return result.ok ? result.value : result.error;
    });
    expect(values).toEqual([
      '2024-01-04T16:00:00.000Z',
      '2024-01-05T16:00:00.000Z',
      '2024-01-06T16:00:00.000Z',
      '2024-01-06T16:00:00.000Z',
      '"2024-13-45" is not a valid date',
      '2024-01-31T16:00:00.000Z',
      '2024-03-01T01:30:00.000Z',
      null,
    ]);
  });

  it('refuses the text cells without typecast, except where text is the type', () => {
    const strict: CoerceContext = { ...ctx, typecast: false };
    const [first] = rows;
    expect(fieldTypes.currency.coerce(first![2], fieldTypes.currency.options.parse(undefined), strict)).toEqual({
      ok: false,
      error: 'expects a number, got string "¥1,234.50"',
    });
    expect(fieldTypes.singleLineText.coerce(first![0], {}, strict)).toEqual({ ok: true, value: '杭州云帆信息科技有限公司' });
  });
});

describe('customers-utf8-bom.csv, the 客户 sheet as Excel saves it', () => {
  const [header, ...rows] = readCsv(fixture('customers-utf8-bom.csv'));
  const column = (name: string) => {
    const index = header!.indexOf(name);
    expect(index).toBeGreaterThanOrEqual(0);
    return rows.map((row) => row[index]!);
  };
  const coerceAll = (type: FieldType<any, any>, cells: string[], options = type.options.parse(undefined), ctx = typecast) =>
    cells.map((cell) => type.coerce(cell, options, ctx));

  it('has 500 customers of 16 columns', () => {
    expect(rows).toHaveLength(500);
    expect(rows.every((row) => row.length === 16)).toBe(true);
  });

  it('reads every 预估金额 as a currency amount', () => {
    const cells = column('预估金额');
    expect(coerceAll(fieldTypes.currency, cells)).toEqual(cells.map((cell) => ({ ok: true, value: Number(cell) })));
  });

  it('reads every 赢单概率 as a fraction between 0 and 1', () => {
    const results = coerceAll(fieldTypes.percent, column('赢单概率'));
    const values = results.map((result) => (result.ok ? result.value : result.error));
    expect(new Set(values)).toEqual(new Set([0, 0.1, 0.25, 0.5, 0.75, 1]));
  });

  it.each(['创建日期', '最后跟进日期', '下次跟进日期'])('reads every %s as a date, strict or not', (name) => {
    const cells = column(name);
    const options = fieldTypes.date.options.parse(undefined);
    expect(coerceAll(fieldTypes.date, cells, options)).toEqual(cells.map((value) => ({ ok: true, value })));
    expect(coerceAll(fieldTypes.date, cells, options, { ...typecast, typecast: false })).toEqual(cells.map((value) => ({ ok: true, value })));
  });

  it('reads every 官方网站 as a URL', () => {
    const cells = column('官方网站');
    expect(coerceAll(fieldTypes.url, cells)).toEqual(cells.map((value) => ({ ok: true, value })));
  });

  it('turns 商机阶段 into one select with the six stages', () => {
    let options = fieldTypes.singleSelect.options.parse(undefined) as SelectOptions;
    for (const cell of column('商机阶段')) {
      const result = fieldTypes.singleSelect.coerce(cell, options, typecast);
      expect(result.ok).toBe(true);
      if (result.ok && result.addChoices) options = withAddedChoices(options, result.addChoices);
    }
    expect(options.choices.map((choice) => choice.name).sort()).toEqual(['初步接洽', '商务谈判', '已流失', '已签约', '方案报价', '需求分析'].sort());
  });

  it('finds every 负责人 through the user resolver', () => {
    const owners = [...new Set(column('负责人'))];
    const ids = new Map(owners.map((name, index) => [name, `usr${index}`]));
    const ctx: CoerceContext = { ...typecast, resolveUser: (input) => ids.get(input) };
    const results = coerceAll(fieldTypes.user, column('负责人'), {}, ctx);
    expect(results.every((result) => result.ok && result.value?.startsWith('usr'))).toBe(true);
  });
});
