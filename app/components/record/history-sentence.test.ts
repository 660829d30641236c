import { describe, expect, it } from 'vitest';
import { getI18n } from '../../i18n/i18n.ts';
import type { FieldJson } from '../schema/types.ts';
import { collapseTyping, describeHistory, historySentence, type HistoryEntryJson } from './history-sentence.ts';

const fields: FieldJson[] = [
  { id: 'fldName', name: '客户名称', type: 'singleLineText', options: {}, description: null },
  { id: 'fldAmount', name: '预估金额', type: 'currency', options: { symbol: '¥', precision: 2 }, description: null },
  { id: 'fldStage', name: '阶段', type: 'singleSelect', options: { choices: [{ id: 's1', name: '报价', color: 'blue' }] }, description: null },
  { id: 'fldNotes', name: 'Notes', type: 'longText', options: {}, description: null },
];
const members = [{ id: 'usrZhang', name: '张伟' }];
const now = new Date('2026-11-23T10:03:00.000Z');
const ctx = (locale: 'en' | 'zh-CN') => ({ fields, members, locale, timeZone: 'Asia/Shanghai', now, t: getI18n(locale).t });
const entry = (changes: HistoryEntryJson['changes'], extra: Partial<HistoryEntryJson> = {}): HistoryEntryJson => ({
  id: 7, action: 'update', changes, actorId: 'usrZhang', origin: 'api', at: '2026-11-23T10:00:00.000Z', ...extra,
});

describe('history in people’s words', () => {
  it('says who changed what, when and from where, in English', () => {
    const item = describeHistory(entry({ fldAmount: [10000, 12000] }), ctx('en'));
    expect(historySentence(item)).toBe('张伟 changed 预估金额 from ¥10,000.00 to ¥12,000.00 · 3 minutes ago · via API');
  });

  it('and in Chinese', () => {
    const item = describeHistory(entry({ fldAmount: [10000, 12000] }), ctx('zh-CN'));
    expect(historySentence(item)).toBe('张伟 将「预估金额」从 ¥10,000.00 改为 ¥12,000.00 · 3分钟前 · 通过 API');
  });

  it('says set and cleared for values that appear or go, one line per field in table order', () => {
    const item = describeHistory(entry({ fldStage: ['报价', null], fldName: [null, '华为'] }, { origin: 'user' }), ctx('en'));
    expect(item.lines).toEqual(['张伟 set 客户名称 to 华为', '张伟 cleared 阶段 (was 报价)']);
    expect(item.origin).toBe('in Tessera');
  });

  it('names creation and deletion, system changes and former members', () => {
    expect(describeHistory(entry({}, { action: 'create', origin: 'import' }), ctx('zh-CN')).lines).toEqual(['张伟 创建了这条记录']);
    expect(describeHistory(entry({}, { action: 'delete', actorId: null }), ctx('en')).lines).toEqual(['Tessera deleted this record']);
    expect(describeHistory(entry({ fldName: ['a', 'b'] }, { actorId: 'usrGone' }), ctx('en')).actor).toBe('A former member');
  });

  it('shows values of deleted fields and of older types plainly, and cuts long notes', () => {
    const item = describeHistory(entry({ fldGone: ['x', null], fldAmount: ['约五万', 50000], fldNotes: [null, `第一行\n${'很长'.repeat(60)}`] }, { origin: 'schema' }), ctx('en'));
    expect(item.lines[0]).toBe('张伟 changed 预估金额 from 约五万 to ¥50,000.00');
    expect(item.lines[1]).toMatch(/^张伟 set Notes to 第一行 很长很长.*…$/);
    expect([...item.lines[1]!.split(' to ')[1]!]).toHaveLength(80);
    expect(item.lines[2]).toBe('张伟 cleared a deleted field (was x)');
    expect(item.origin).toBe('by a field change');
  });
});

describe('collapseTyping', () => {
  const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 23, 10, minute, second)).toISOString();
  const keystroke = (id: number, before: string, after: string, time: string, actorId = 'usrZhang'): HistoryEntryJson =>
    ({ id, action: 'update', changes: { fldNotes: [before, after] }, actorId, origin: 'user', at: time });

  it('joins one person typing in one field into one change, newest first', () => {
    const entries = [
      keystroke(4, 'Hello wor', 'Hello world', at(2, 3)),
      keystroke(3, 'Hello wo', 'Hello wor', at(2, 2)),
      keystroke(2, 'Hello w', 'Hello wo', at(2, 1)),
      entry({}, { id: 1, action: 'create', at: at(0) }),
    ];
    const collapsed = collapseTyping(entries);
    expect(collapsed).toHaveLength(2);
    expect(collapsed[0]).toMatchObject({ id: 4, at: at(2, 3), changes: { fldNotes: ['Hello w', 'Hello world'] } });
  });

  it('keeps apart other people, other fields and pauses longer than the window', () => {
    const entries = [
      keystroke(5, 'b', 'c', at(30)),
      keystroke(4, 'a', 'b', at(20)), // ten minutes earlier
      keystroke(3, 'x', 'a', at(19, 59), 'usrLi'),
      entry({ fldAmount: [1, 2] }, { id: 2, origin: 'user', at: at(19, 58) }),
      entry({ fldAmount: [0, 1], fldName: ['p', 'q'] }, { id: 1, origin: 'user', at: at(19, 57) }),
    ];
    expect(collapseTyping(entries).map((e) => e.id)).toEqual([5, 4, 3, 2, 1]);
  });
});
