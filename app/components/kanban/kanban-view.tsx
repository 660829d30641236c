import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableMessage } from '../../../collab/client/index.ts';
import type { PageSetup } from '../grid/data-grid.tsx';
import { useStore } from '../grid/store.ts';
import type { GridView } from '../grid/types.ts';
import { apiErrorText } from '../ui/api-error-text.ts';
import { writeBatch } from './board-api.ts';
import { BoardError } from './board-error.tsx';
import { cardHeight, cardLayout, filterFieldIds } from './board-layout.ts';
import { BoardRecord } from './board-record.tsx';
import { STACK_TYPES } from './board-settings.tsx';
import { BoardSetup } from './board-setup.tsx';
import { BoardToolbar } from './board-toolbar.tsx';
import { KanbanModel, type BoardState, type StackState } from './kanban-model.ts';
import { KanbanStack } from './kanban-stack.tsx';
import { useTableChannel } from './use-table-channel.ts';
import { useViewDraft } from './use-view-draft.ts';
import './boards.css';

const selectBoard = (state: BoardState) => state;

/**
 * A kanban view: one stack per choice of a single select (or member of a user field), each
 * with its count and sum, cards paged from the server per stack and virtualized. Editors
 * drag cards between and within stacks; everyone sees moves live over the table channel.
 */
export function KanbanView({ page, view: savedView, onSchemaChange }: { page: PageSetup; view: GridView; onSchemaChange: () => void }) {
  const draft = useViewDraft(page, savedView, onSchemaChange);
  const { view } = draft;
  const stackField = page.allFields.find((field) => field.id === view.stackField && (STACK_TYPES as readonly string[]).includes(field.type));
  if (!stackField) {
    return (
      <div className="grid-shell board-shell">
        <BoardToolbar page={page} draft={draft} kind="kanban" count={null} />
        <BoardSetup kind="kanban" fields={page.allFields.filter((field) => (STACK_TYPES as readonly string[]).includes(field.type))} mayEdit={draft.mayEdit} onPatch={draft.patch} />
        {draft.error ? <p className="form-error" role="alert">{draft.error}</p> : null}
      </div>
    );
  }
  return <KanbanBoard key={stackField.id} page={page} draft={draft} stackFieldId={stackField.id} onSchemaChange={onSchemaChange} />;
}

function KanbanBoard({ page, draft, stackFieldId, onSchemaChange }: {
  page: PageSetup; draft: ReturnType<typeof useViewDraft>; stackFieldId: string; onSchemaChange: () => void;
}) {
  // Its own `t`: a `t` passed as a prop typed ReturnType<typeof useTranslation>['t'] is too deep for tsc.
  const { t } = useTranslation();
  const { view } = draft;
  const stackField = page.allFields.find((field) => field.id === stackFieldId)!;
  const sumField = view.sumField ? page.allFields.find((field) => field.id === view.sumField) : undefined;
  const query = useMemo(() => ({
    stackField: stackFieldId,
    sumField: sumField?.id ?? null,
    orderFields: new Set([...view.sorts.map((sort) => sort.field), ...filterFieldIds(view.filter)]),
    sorted: view.sorts.length > 0,
  }), [stackFieldId, sumField, view.sorts, view.filter]);
  const [model] = useState(() => new KanbanModel(page.tableId, view.id, query));
  model.query = query;
  const [error, setError] = useState<string | null>(null);
  model.onError = (message) => setError(t('boards.moveFailed', { message }));
  const [openRecord, setOpenRecord] = useState<string | null>(null);
  const board = useStore(model.state, selectBoard);

  // Whatever the server needs to answer differently: reload the stacks.
  const loadKey = JSON.stringify([view.filter, view.sorts, view.stackField, view.sumField, view.hideEmptyStacks, view.cardFields, view.coverField, stackField.options, page.cell.members.length]);
  // The page's copy of the view is also replaced on every schema message (a manual reorder too).
  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current) return model.reloadSoon(0);
    loaded.current = true;
    void model.load();
  }, [model, loadKey, page.view]);
  useEffect(() => () => model.destroy(), [model]);

  const onMessage = useCallback((message: TableMessage) => {
    if (message.type === 'schema') onSchemaChange();
    model.onMessage(message);
  }, [model, onSchemaChange]);
  const client = useTableChannel(page.tableId, page.userId, onMessage, () => { onSchemaChange(); model.reloadSoon(0); });

  const layout = useMemo(() => cardLayout(page.allFields, view, page.primaryFieldId), [page.allFields, view, page.primaryFieldId]);
  const height = cardHeight(layout);
  const canDrag = page.canEdit;

  const onAdd = page.canEdit ? (stack: StackState) => {
    writeBatch(page.tableId, { creates: [stack.value === null ? {} : { [stackFieldId]: stack.value }] }).then(
      (result) => {
        model.reloadSoon(0);
        if (result.created[0]) setOpenRecord(result.created[0].id);
      },
      (failure: unknown) => setError(t('boards.addFailed', { message: apiErrorText(t, failure) })),
    );
  } : undefined;

  const onStep = (recordId: string, from: string, delta: -1 | 1) => {
    const stacks = model.state.get().stacks;
    const at = stacks.findIndex((stack) => stack.key === from);
    const to = stacks[at + delta];
    if (to) void model.move(recordId, to.key, 0).then(() => {
      // Keep the keyboard on the card in its new stack.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`.kanban-card[data-record-id="${recordId}"]`)?.focus());
    });
  };

  return (
    <div className="grid-shell board-shell">
      <BoardToolbar page={page} draft={draft} kind="kanban" count={board.total} />
      <BoardError message={draft.error || error || (board.error ? t('boards.loadFailed', { message: board.error }) : null)} onClose={() => setError(null)} />
      <div className="kanban-board" role="region" aria-label={t('boards.boardLabel', { name: view.name })} aria-describedby="kanban-hint" aria-busy={board.status === 'loading'}>
        <p id="kanban-hint" className="visually-hidden">{t('boards.cardHint')}</p>
        {board.stacks.map((stack) => (
          <KanbanStack
            key={stack.key}
            model={model}
            stackKey={stack.key}
            field={stackField}
            sumField={sumField}
            layout={layout}
            cardHeight={height}
            cell={page.cell}
            canDrag={canDrag}
            onOpen={setOpenRecord}
            onAdd={onAdd}
            onStep={onStep}
          />
        ))}
      </div>
      <BoardRecord page={page} view={view} client={client} recordId={openRecord} onClose={() => setOpenRecord(null)} />
    </div>
  );
}
