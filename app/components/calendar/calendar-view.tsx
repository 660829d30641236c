import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableMessage } from '../../../collab/client/index.ts';
import type { PageSetup } from '../grid/data-grid.tsx';
import type { GridView } from '../grid/types.ts';
import { apiErrorText } from '../ui/api-error-text.ts';
import { fetchCalendar, writeBatch, type Card } from '../kanban/board-api.ts';
import { cardLayout, filterFieldIds } from '../kanban/board-layout.ts';
import { BoardError } from '../kanban/board-error.tsx';
import { BoardRecord } from '../kanban/board-record.tsx';
import { DATE_TYPES } from '../kanban/board-settings.tsx';
import { BoardSetup } from '../kanban/board-setup.tsx';
import { BoardToolbar } from '../kanban/board-toolbar.tsx';
import { useTableChannel } from '../kanban/use-table-channel.ts';
import { useViewDraft } from '../kanban/use-view-draft.ts';
import { addDays, dayOf, minutesOf, moveToDay, shiftMonth, todayIn, visibleDays, weekStartFor, type CalendarMode } from './calendar-dates.ts';
import { CalendarGrid, type DayEntry } from './calendar-grid.tsx';
import '../kanban/boards.css';

/**
 * A calendar view: the records of a date field by day, a month or a week at a time, in the
 * base's time zone (or the field's own). Only the visible range is asked for; dragging a
 * record to another day changes its date through the write path, keeping its time of day.
 */
export function CalendarView({ page, view: savedView, onSchemaChange }: { page: PageSetup; view: GridView; onSchemaChange: () => void }) {
  const draft = useViewDraft(page, savedView, onSchemaChange);
  const dateField = page.allFields.find((field) => field.id === draft.view.dateField && (DATE_TYPES as readonly string[]).includes(field.type));
  if (!dateField) {
    return (
      <div className="grid-shell board-shell">
        <BoardToolbar page={page} draft={draft} kind="calendar" count={null} />
        <BoardSetup kind="calendar" fields={page.allFields.filter((field) => (DATE_TYPES as readonly string[]).includes(field.type))} mayEdit={draft.mayEdit} onPatch={draft.patch} />
        {draft.error ? <p className="form-error" role="alert">{draft.error}</p> : null}
      </div>
    );
  }
  return <Calendar page={page} draft={draft} dateFieldId={dateField.id} onSchemaChange={onSchemaChange} />;
}

function Calendar({ page, draft, dateFieldId, onSchemaChange }: { page: PageSetup; draft: ReturnType<typeof useViewDraft>; dateFieldId: string; onSchemaChange: () => void }) {
  const { t, i18n } = useTranslation();
  const { view } = draft;
  const dateField = page.allFields.find((field) => field.id === dateFieldId)!;
  const zone = (dateField.options.timeZone as string | undefined) ?? page.cell.timeZone;
  const weekStart = weekStartFor(i18n.language);
  const [today] = useState(() => todayIn(zone));
  const [anchor, setAnchor] = useState(today);
  const [mode, setMode] = useState<CalendarMode>('month');
  const days = useMemo(() => visibleDays(anchor, mode, weekStart), [anchor, mode, weekStart]);
  const from = days[0]!;
  const to = addDays(days.at(-1)!, 1);
  const [records, setRecords] = useState<Card[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [status, setStatus] = useState<'loading' | 'ready'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [openRecord, setOpenRecord] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reloadTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const reloadSoon = useCallback(() => {
    clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(() => setTick((n) => n + 1), 100);
  }, []);
  useEffect(() => () => clearTimeout(reloadTimer.current), []);

  const loadKey = JSON.stringify([view.filter, view.sorts, view.dateField, view.cardFields, dateField.options, from, to, tick]);
  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    fetchCalendar(page.tableId, view.id, from, to, controller.signal).then(
      (body) => {
        setRecords(body.records);
        setTruncated(body.truncated);
        setStatus('ready');
        performance.mark('tessera:calendar-loaded');
      },
      (failure: unknown) => { if (!controller.signal.aborted) setError(t('boards.loadFailed', { message: apiErrorText(t, failure) })); },
    );
    return () => controller.abort();
    // loadKey holds everything else the answer depends on (from, to, the view's query).
  }, [page.tableId, view.id, loadKey]);

  const watched = useMemo(() => new Set([dateFieldId, ...view.sorts.map((sort) => sort.field), ...filterFieldIds(view.filter)]), [dateFieldId, view.sorts, view.filter]);
  const onMessage = useCallback((message: TableMessage) => {
    if (message.type === 'schema') {
      onSchemaChange();
      return;
    }
    if (message.type === 'patch') {
      setRecords((current) => current.map((card) => (card.id === message.recordId && message.version > card.version
        ? { id: card.id, version: message.version, values: { ...card.values, ...message.values } }
        : card)));
      if (!Object.keys(message.values).some((id) => watched.has(id))) return;
    }
    reloadSoon();
  }, [onSchemaChange, reloadSoon, watched]);
  const client = useTableChannel(page.tableId, page.userId, onMessage, reloadSoon);

  const layout = useMemo(() => cardLayout(page.allFields, view, page.primaryFieldId), [page.allFields, view, page.primaryFieldId]);
  const byDay = useMemo(() => {
    const map = new Map<string, DayEntry[]>();
    for (const card of records) {
      const day = dayOf(card.values[dateFieldId], zone);
      if (!day) continue;
      const list = map.get(day) ?? [];
      list.push({ card, minutes: minutesOf(card.values[dateFieldId], zone) });
      map.set(day, list);
    }
    // Timed records in time order; the server's order (the view's sorts) breaks ties.
    for (const list of map.values()) list.sort((a, b) => (a.minutes ?? -1) - (b.minutes ?? -1));
    return map;
  }, [records, dateFieldId, zone]);

  const canDrag = page.canEdit && dateField.type === 'date';
  const onDropOnDay = (recordId: string, day: string) => {
    const card = records.find((entry) => entry.id === recordId);
    const value = card?.values[dateFieldId];
    if (!card || typeof value !== 'string' || dayOf(value, zone) === day) return;
    const next = moveToDay(value, day, zone);
    setRecords((current) => current.map((entry) => (entry.id === recordId ? { ...entry, values: { ...entry.values, [dateFieldId]: next } } : entry)));
    writeBatch(page.tableId, { updates: [{ id: recordId, values: { [dateFieldId]: next } }] }).then(
      (result) => {
        const saved = result.updated[0];
        if (saved) setRecords((current) => current.map((entry) => (entry.id === recordId && saved.version > entry.version ? { ...entry, version: saved.version, values: { ...entry.values, ...saved.values } } : entry)));
      },
      (failure: unknown) => {
        setError(t('boards.moveFailed', { message: apiErrorText(t, failure) }));
        reloadSoon();
      },
    );
  };

  const step = (delta: -1 | 1) => setAnchor((current) => (mode === 'month' ? shiftMonth(current, delta) : addDays(current, 7 * delta)));
  const title = new Intl.DateTimeFormat(i18n.language, mode === 'month' ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${mode === 'month' ? `${anchor.slice(0, 7)}-01` : days[0]}T00:00:00Z`));

  return (
    <div className="grid-shell board-shell">
      <BoardToolbar page={page} draft={draft} kind="calendar" count={status === 'ready' ? records.length : null}>
        <div className="calendar-nav" role="group">
          <button type="button" className="button ghost" onClick={() => setAnchor(today)}>{t('boards.today')}</button>
          <button type="button" className="button ghost" aria-label={t('boards.previous')} onClick={() => step(-1)}>‹</button>
          <span className="calendar-title" aria-live="polite">{title}</span>
          <button type="button" className="button ghost" aria-label={t('boards.next')} onClick={() => step(1)}>›</button>
          <select aria-label={t('boards.month')} value={mode} onChange={(event) => setMode(event.target.value as CalendarMode)}>
            <option value="month">{t('boards.month')}</option>
            <option value="week">{t('boards.week')}</option>
          </select>
        </div>
      </BoardToolbar>
      <BoardError message={draft.error || error} onClose={() => setError(null)} />
      {truncated ? <p className="calendar-notice muted" role="status">{t('boards.truncated', { count: records.length })}</p> : null}
      <div className="calendar" aria-busy={status === 'loading'}>
        <CalendarGrid
          days={days}
          month={anchor.slice(0, 7)}
          mode={mode}
          today={today}
          byDay={byDay}
          layout={layout}
          cell={page.cell}
          canDrag={canDrag}
          onOpen={setOpenRecord}
          onDropOnDay={onDropOnDay}
        />
      </div>
      <BoardRecord page={page} view={view} client={client} recordId={openRecord} onClose={() => setOpenRecord(null)} />
    </div>
  );
}
