import { useCallback, useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellContext } from '../fields/index.ts';
import { useStore } from '../grid/store.ts';
import type { GridField } from '../grid/types.ts';
import { CardFace } from './board-card.tsx';
import { CARD_GAP, type CardLayout } from './board-layout.ts';
import type { KanbanModel, StackState } from './kanban-model.ts';
import { StackHeader, stackName } from './stack-header.tsx';

/** Cards rendered beyond the visible ones, above and below, so a quick scroll shows no gap. */
const OVERSCAN = 4;
export const CARD_DRAG_TYPE = 'application/x-tessera-card';

export interface StackProps {
  model: KanbanModel;
  stackKey: string;
  field: GridField;
  sumField: GridField | undefined;
  layout: CardLayout;
  cardHeight: number;
  cell: CellContext;
  canDrag: boolean;
  onOpen(recordId: string): void;
  onAdd?(stack: StackState): void;
  /** Alt+←/→ on a card: to the stack beside. */
  onStep(recordId: string, from: string, delta: -1 | 1): void;
}

/**
 * One stack: a header with count and sum, and its cards in a virtualized list — only the
 * cards in view (and a few around) are in the DOM, each at its computed offset, and the
 * pages holding them are fetched as they scroll into view. Cards are dragged with the
 * browser's drag and drop; the drop position is computed from the pointer's offset.
 */
export function KanbanStack(props: StackProps) {
  const { model, stackKey, field, sumField, layout, cardHeight, cell, canDrag } = props;
  const { t } = useTranslation();
  const selectStack = useCallback((state: ReturnType<typeof model.state.get>) => state.stacks.find((stack) => stack.key === stackKey), [stackKey]);
  const stack = useStore(model.state, selectStack);
  const body = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const [scroll, setScroll] = useState({ top: 0, height: 800 });
  const [dropAt, setDropAt] = useState<number | null>(null);
  const pitch = cardHeight + CARD_GAP;

  useEffect(() => {
    const element = body.current;
    if (!element) return;
    const measure = () => setScroll({ top: element.scrollTop, height: element.clientHeight || 800 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const count = stack?.count ?? 0;
  const first = Math.max(0, Math.floor(scroll.top / pitch) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scroll.top + scroll.height) / pitch) + OVERSCAN);
  useEffect(() => {
    if (stack && last >= first) model.ensure(stackKey, first, last);
  }, [model, stackKey, stack, first, last]);

  if (!stack) return null;

  const positionOf = (event: DragEvent) => {
    const rect = body.current!.getBoundingClientRect();
    const y = event.clientY - rect.top + body.current!.scrollTop;
    return Math.max(0, Math.min(count, Math.round(y / pitch)));
  };
  const onDragOver = (event: DragEvent) => {
    if (!canDrag || !event.dataTransfer.types.includes(CARD_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const at = positionOf(event);
    if (at !== dropAt) setDropAt(at);
  };
  const onDrop = (event: DragEvent) => {
    const recordId = event.dataTransfer.getData(CARD_DRAG_TYPE);
    setDropAt(null);
    if (!canDrag || !recordId) return;
    event.preventDefault();
    const at = positionOf(event);
    const found = model.find(recordId);
    // Positions below the card's old place shift up by one once it leaves.
    const index = found && found.stack.key === stackKey && found.index < at ? at - 1 : at;
    void model.move(recordId, stackKey, index);
  };

  const items = [];
  for (let index = first; index <= last; index++) {
    const card = stack.cards[index];
    const style = { top: index * pitch, height: cardHeight };
    if (!card) {
      items.push(<div key={`hole-${index}`} className="board-card board-card-loading" style={style} aria-hidden="true" />);
      continue;
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        props.onOpen(card.id);
      } else if (canDrag && event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
        event.preventDefault();
        props.onStep(card.id, stackKey, event.key === 'ArrowLeft' ? -1 : 1);
      }
    };
    items.push(
      <div
        key={card.id}
        className="board-card kanban-card"
        style={style}
        role="listitem"
        tabIndex={0}
        data-record-id={card.id}
        aria-posinset={index + 1}
        aria-setsize={count}
        draggable={canDrag}
        onDragStart={(event) => {
          event.dataTransfer.setData(CARD_DRAG_TYPE, card.id);
          event.dataTransfer.effectAllowed = 'move';
        }}
        onClick={() => props.onOpen(card.id)}
        onKeyDown={onKeyDown}
      >
        <CardFace card={card} layout={layout} cell={cell} />
      </div>,
    );
  }

  return (
    <section className="kanban-stack" data-stack-key={stackKey} aria-labelledby={headingId}>
      <StackHeader stack={stack} field={field} sumField={sumField} cell={cell} headingId={headingId} />
      <div
        ref={body}
        className={`kanban-stack-body${dropAt !== null ? ' drop-target' : ''}`}
        role="list"
        aria-labelledby={headingId}
        onScroll={(event) => setScroll({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight || 800 })}
        onDragOver={onDragOver}
        onDragLeave={(event) => { if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropAt(null); }}
        onDrop={onDrop}
      >
        <div className="kanban-stack-space" style={{ height: Math.max(count * pitch, pitch) }}>
          {items}
          {dropAt !== null ? <div className="kanban-drop-line" style={{ top: dropAt * pitch - CARD_GAP / 2 }} aria-hidden="true" /> : null}
        </div>
      </div>
      {props.onAdd ? (
        <button type="button" className="kanban-add" onClick={() => props.onAdd!(stack)} aria-label={t('boards.addCardTo', { stack: stackName(stack, field, cell) })}>
          <span aria-hidden="true">+</span> {t('boards.addCard')}
        </button>
      ) : null}
    </section>
  );
}
