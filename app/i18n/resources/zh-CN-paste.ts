import type { Messages } from './en.ts';

/** 粘贴超出最后一列与填充柄的简体中文文案；并入 zhCN（zh-CN.ts）。 */
export const zhCNPaste: Pick<Messages, 'paste'> = {
  paste: {
    viewOnly: '你只能查看此表：未粘贴任何内容。',
    ownersAddFields_one: '有 {{count, number}} 列未粘贴：只有数据库所有者可以新建字段。',
    ownersAddFields_other: '有 {{count, number}} 列未粘贴：只有数据库所有者可以新建字段。',
    newFieldsTitle_one: '为多出的 {{count, number}} 列新建字段？',
    newFieldsTitle_other: '为多出的 {{count, number}} 列新建字段？',
    newFieldsDescription_one: '粘贴的区域比所选单元格右侧的字段多出 {{count, number}} 列。',
    newFieldsDescription_other: '粘贴的区域比所选单元格右侧的字段多出 {{count, number}} 列。',
    firstRowHeaders: '第一行是字段名（不作为记录粘贴）',
    fieldName: '新字段',
    fieldType: '类型（根据粘贴的值判断）',
    fieldWord: '字段',
    createAndPaste_one: '新建字段并粘贴',
    createAndPaste_other: '新建 {{count, number}} 个字段并粘贴',
    pasteWhatFits: '只粘贴放得下的部分',
    cancel: '取消粘贴',
    createFailed: '无法新建字段“{{name}}”（{{message}}），未粘贴任何内容。',
    fillViewOnly: '你只能查看此表：未填充任何内容。',
    fillReadOnly: '以下只读字段未填充：{{names}}',
    fillSkipped_one: '有 {{count, number}} 个单元格保持不变：填充的值不符合字段类型。',
    fillSkipped_other: '有 {{count, number}} 个单元格保持不变：填充的值不符合字段类型。',
    fillNewRecords_one: '新增 {{count, number}} 条记录',
    fillNewRecords_other: '新增 {{count, number}} 条记录',
  },
};
