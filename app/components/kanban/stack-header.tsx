import { fieldTypes } from '../../../core/fields/registry.ts';
import { useTranslation } from 'react-i18next';
import { formatValue, kitOf, type CellContext } from '../fields/index.ts';
import type { GridField } from '../grid/types.ts';
import type { StackState } from './kanban-model.ts';

/** A stack's name as text (for labels): the choice, the member's name, or "(empty)". */
export function stackName(stack: StackState, field: GridField, cell: CellContext): string {
  if (stack.value === null) return cell.t('boards.empty');
  if (field.type === 'user') return cell.memberById.get(stack.value)?.name ?? cell.t('boards.formerMember');
  return stack.known ? stack.value : cell.t('boards.formerValue', { value: stack.value });
}

/** The stack's chip (as the grid shows the value), its card count and the sum of the sum field. */
export function StackHeader({ stack, field, sumField, cell, headingId }: { stack: StackState; field: GridField; sumField: GridField | undefined; cell: CellContext; headingId: string }) {
  const { t } = useTranslation();
  const kit = kitOf(field.type);
  const name = stackName(stack, field, cell);
  return (
    <header className="kanban-stack-header">
      <h3 id={headingId} className="kanban-stack-name" aria-label={t('boards.stackLabel', { stack: name, count: stack.count })}>
        {stack.value === null || !stack.known
          ? <span className="kanban-stack-plain">{name}</span>
          : <kit.Renderer value={stack.value} field={field} fieldType={fieldTypes[field.type]} cell={cell} />}
      </h3>
      <span className="kanban-stack-count" data-testid="stack-count">{cell.locale ? new Intl.NumberFormat(cell.locale).format(stack.count) : stack.count}</span>
      {sumField && stack.sum !== null ? (
        <span className="kanban-stack-sum" title={t('boards.stackSum', { field: sumField.name })} data-testid="stack-sum">
          {formatValue(fieldTypes[sumField.type], sumField, stack.sum, cell)}
        </span>
      ) : null}
    </header>
  );
}
