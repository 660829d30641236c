import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableMessage } from '../../../collab/client/index.ts';
import type { PageSetup } from '../grid/data-grid.tsx';
import type { GridView } from '../grid/types.ts';
import { fetchRows, type Card } from '../kanban/board-api.ts';
import { CardFace } from '../kanban/board-card.tsx';
import { BoardError } from '../kanban/board-error.tsx';
import { CARD_GAP, cardHeight, cardLayout, filterFieldIds } from '../kanban/board-layout.ts';
import { BoardRecord } from '../kanban/board-record.tsx';
import { BoardToolbar } from '../kanban/board-toolbar.tsx';
import { useTableChannel } from '../kanban/use-table-channel.ts';
import { useViewDraft } from '../kanban/use-view-draft.ts';
import '../kanban/boards.css';

/** Records per request, as the grid's blocks. */
const BLOCK = 100;
const MIN_CARD_WIDTH = 240;
const OVERSCAN_ROWS = 2;

/**
 * A gallery view: the view's records as cards in a responsive grid, cover image on top.
 * Virtualized by rows of cards, and paged from the same endpoint as the grid (the view's
 * filter and sorts applied by the server), so a table of any size opens at once.
 */
export function GalleryView({ page, view: savedView, onSchemaChange }: { page: PageSetup; view: GridView; onSchemaChange: () => void }) {
  const { t } = useTranslation();
  const draft = useViewDraft(page, savedView, onSchemaChange);
  const { view } = draft;
  const [total, setTotal] = useState<number | null>(null);
  const [cards, setCards] = useState<Array<Card | undefined>>([]);
  const [error, setError] = useState<string | null>(null);
  const [openRecord, setOpenRecord] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const loading = useRef(new Set<number>());
  const scroller = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 960, height: 800, top: 0 });

  const layout = useMemo(() => cardLayout(page.allFields, view, page.primaryFieldId), [page.allFields, view, page.primaryFieldId]);
  const height = cardHeight(layout);
  const columns = Math.max(1, Math.floor((box.width - 32 + CARD_GAP) / (MIN_CARD_WIDTH + CARD_GAP)));
  const width = (box.width - 32 - CARD_GAP * (columns - 1)) / columns;
  const pitch = height + CARD_GAP;

  const loadKey = JSON.stringify([view.filter, view.sorts, view.cardFields, view.coverField, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const currentKey = useRef(loadKey);
  const block = useCallback((index: number, key: string) => {
    if (loading.current.has(index)) return;
    loading.current.add(index);
    fetchRows(page.tableId, view.id, index * BLOCK, BLOCK).then(
      (body) => {
        loading.current.delete(index);
        if (key !== currentKey.current) return;
        setTotal(body.total);
        setCards((current) => {
          const next = Array.from({ length: body.total }, (_, i) => current[i]);
          body.rows.forEach((row, i) => { next[index * BLOCK + i] = row; });
          return next;
        });
        performance.mark('tessera:gallery-loaded');
      },
      (failure: unknown) => {
        loading.current.delete(index);
        setError(t('boards.loadFailed', { message: (failure as Error).message }));
      },
    );
  }, [page.tableId, view.id, t]);
  useEffect(() => {
    currentKey.current = loadKey;
    loading.current.clear();
    setCards([]);
    block(0, loadKey);
  }, [loadKey, block]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setBox({ width: element.clientWidth, height: element.clientHeight, top: element.scrollTop });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const count = total ?? 0;
  const rows = Math.ceil(count / columns);
  const firstRow = Math.max(0, Math.floor(box.top / pitch) - OVERSCAN_ROWS);
  const lastRow = Math.min(rows - 1, Math.ceil((box.top + box.height) / pitch) + OVERSCAN_ROWS);
  const first = firstRow * columns;
  const last = Math.min(count - 1, (lastRow + 1) * columns - 1);
  useEffect(() => {
    for (let index = Math.floor(first / BLOCK); index * BLOCK <= last; index++) {
      const start = index * BLOCK;
      const missing = Array.from({ length: Math.min(BLOCK, count - start) }, (_, i) => start + i).some((i) => i >= first && i <= last && !cards[i]);
      if (missing) block(index, loadKey);
    }
  }, [first, last, count, cards, block, loadKey]);

  const watched = useMemo(() => new Set([...view.sorts.map((sort) => sort.field), ...filterFieldIds(view.filter)]), [view.sorts, view.filter]);
  const onMessage = useCallback((message: TableMessage) => {
    if (message.type === 'schema') return onSchemaChange();
    if (message.type === 'patch') {
      setCards((current) => current.map((card) => (card?.id === message.recordId && message.version > card.version
        ? { id: card.id, version: message.version, values: { ...card.values, ...message.values } }
        : card)));
      if (!Object.keys(message.values).some((id) => watched.has(id))) return;
    }
    reload();
  }, [onSchemaChange, reload, watched]);
  const client = useTableChannel(page.tableId, page.userId, onMessage, reload);

  const items = [];
  for (let index = first; index <= last; index++) {
    const card = cards[index];
    const style = { top: Math.floor(index / columns) * pitch, left: (index % columns) * (width + CARD_GAP), width, height };
    items.push(card ? (
      <div
        key={card.id}
        className="board-card gallery-card"
        style={style}
        role="listitem"
        tabIndex={0}
        data-record-id={card.id}
        onClick={() => setOpenRecord(card.id)}
        onKeyDown={(event) => { if (event.key === 'Enter') setOpenRecord(card.id); }}
      >
        <CardFace card={card} layout={layout} cell={page.cell} />
      </div>
    ) : <div key={`hole-${index}`} className="board-card board-card-loading gallery-card" style={style} aria-hidden="true" />);
  }

  return (
    <div className="grid-shell board-shell">
      <BoardToolbar page={page} draft={draft} kind="gallery" count={total} />
      <BoardError message={draft.error || error} />
      <div ref={scroller} className="gallery-scroll" onScroll={(event) => { const top = event.currentTarget.scrollTop; setBox((current) => ({ ...current, top })); }}>
        {total === 0 ? <p className="board-empty">{t('boards.noCards')}</p> : null}
        <div className="gallery-space" role="list" aria-label={t('boards.galleryLabel', { name: view.name })} style={{ height: rows * pitch }}>
          {items}
        </div>
      </div>
      <BoardRecord page={page} view={view} client={client} recordId={openRecord} onClose={() => setOpenRecord(null)} />
    </div>
  );
}
