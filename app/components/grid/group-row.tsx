import type { CustomCellRendererProps } from 'ag-grid-react';
import { fieldTypes } from '../../../core/fields/registry.ts';
import { formatValue } from '../fields/cell-kit.ts';
import { kitOf } from '../fields/index.ts';
import type { GridController } from './grid-controller.ts';
import { headerOf, type GroupHeader } from './group-types.ts';
import type { GridRowData } from './types.ts';
import './group.css';

/**
 * A grouped view's header row (ag-grid's full-width row): the group's value drawn the way
 * its cells draw it (a choice's colour, a person's name, a formatted date), how many
 * records it holds, and the sum of each number column. The chevron, Enter or Space
 * collapses it for this person (keyboard.ts).
 */
export function GroupRow({ data, context }: CustomCellRendererProps<GridRowData, unknown, { ctrl: GridController }>) {
  const group = headerOf(data);
  if (!group) return null;
  return <GroupHeaderLine ctrl={context.ctrl} group={group} />;
}

function GroupHeaderLine({ ctrl, group }: { ctrl: GridController; group: GroupHeader }) {
  const { cell } = ctrl.setup;
  const { t } = cell;
  const field = ctrl.fieldById.get(group.fieldId);
  const fieldType = field ? fieldTypes[field.type] : undefined;
  let text: string;
  let shown;
  if (!field || !fieldType) {
    text = String(group.value ?? '');
    shown = text;
  } else if (fieldType.kind === 'boolean') {
    text = t(group.value ? 'group.yes' : 'group.no');
    shown = text;
  } else if (group.value === null) {
    text = t('group.empty');
    shown = <span className="group-empty">{text}</span>;
  } else {
    const Kit = kitOf(field.type);
    text = formatValue(fieldType, field, group.value, cell);
    shown = <Kit.Renderer value={group.value} field={field} fieldType={fieldType} cell={cell} />;
  }
  const label = `${field?.name ?? ''}: ${text}`;
  const sums = Object.entries(group.sums).flatMap(([fieldId, sum]) => {
    const summed = ctrl.fieldById.get(fieldId);
    if (sum === null || !summed) return [];
    const value = formatValue(fieldTypes[summed.type], summed, sum, cell);
    return [<span key={fieldId} className="group-sum">{t('group.sum', { name: summed.name, value })}</span>];
  });
  return (
    <div className="group-row" data-depth={group.depth} data-group-id={group.id} style={{ paddingLeft: `${0.75 + group.depth * 1.5}rem` }}>
      <button
        type="button"
        className="group-toggle"
        aria-expanded={!group.collapsed}
        aria-label={t(group.collapsed ? 'group.expand' : 'group.collapse', { name: label })}
        onClick={() => ctrl.toggleGroup(group.id)}
      >
        <span aria-hidden="true">{group.collapsed ? '▸' : '▾'}</span>
      </button>
      <span className="group-field">{field?.name}</span>
      <span className="group-value">{shown}</span>
      <span className="group-count">{t('group.records', { count: group.count })}</span>
      {sums}
    </div>
  );
}
