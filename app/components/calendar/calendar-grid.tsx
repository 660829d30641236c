import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellContext } from '../fields/index.ts';
import type { Card } from '../kanban/board-api.ts';
import { cardTitle } from '../kanban/board-card.tsx';
import type { CardLayout } from '../kanban/board-layout.ts';
import { weekday, type CalendarMode } from './calendar-dates.ts';

const ENTRY_DRAG_TYPE = 'application/x-tessera-record';
/** Entries a month cell shows before "+N more"; a week's days are tall enough for many. */
const PER_DAY = { month: 3, week: 30 } as const;

export interface DayEntry {
  card: Card;
  /** Minutes after midnight for timed records. */
  minutes?: number;
}

/**
 * The days of a month (whole weeks) or one week, each with its records. Entries are
 * buttons (Enter or a click opens the record) and drag onto another day.
 */
export function CalendarGrid({ days, month, mode, today, byDay, layout, cell, canDrag, onOpen, onDropOnDay }: {
  days: readonly string[];
  /** 'YYYY-MM' of the month shown; days outside it are dimmed. */
  month: string;
  mode: CalendarMode;
  today: string;
  byDay: ReadonlyMap<string, DayEntry[]>;
  layout: CardLayout;
  cell: CellContext;
  canDrag: boolean;
  onOpen(recordId: string): void;
  onDropOnDay(recordId: string, day: string): void;
}) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const weekdayFormat = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const dayFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' });
  const timeFormat = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const utc = (day: string) => new Date(`${day}T00:00:00Z`);

  const onDragOver = (day: string) => (event: DragEvent) => {
    if (!canDrag || !event.dataTransfer.types.includes(ENTRY_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (over !== day) setOver(day);
  };
  const onDrop = (day: string) => (event: DragEvent) => {
    const recordId = event.dataTransfer.getData(ENTRY_DRAG_TYPE);
    setOver(null);
    if (!canDrag || !recordId) return;
    event.preventDefault();
    onDropOnDay(recordId, day);
  };

  return (
    <>
      <div className="calendar-weekdays" aria-hidden="true">
        {days.slice(0, 7).map((day) => <div key={day}>{weekdayFormat.format(utc(day))}</div>)}
      </div>
      <div className={`calendar-grid calendar-${mode}`} role="grid" aria-label={t('boards.calendarLabel', { name: '' }).trim()}>
        {Array.from({ length: days.length / 7 }, (_, week) => (
          <div key={week} role="row" style={{ display: 'contents' }}>
            {days.slice(week * 7, week * 7 + 7).map((day) => {
              const entries = byDay.get(day) ?? [];
              const limit = expanded === day ? entries.length : PER_DAY[mode];
              const hidden = entries.length - Math.min(limit, entries.length);
              const classes = ['calendar-day', day.slice(0, 7) !== month && mode === 'month' ? 'other-month' : '', day === today ? 'today' : '', over === day ? 'drop-target' : '', `weekday-${weekday(day)}`];
              return (
                <div
                  key={day}
                  role="gridcell"
                  className={classes.filter(Boolean).join(' ')}
                  data-day={day}
                  aria-label={t('boards.dayLabel', { date: dayFormat.format(utc(day)), count: entries.length })}
                  onDragOver={onDragOver(day)}
                  onDragLeave={(event) => { if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(null); }}
                  onDrop={onDrop(day)}
                >
                  <span className="calendar-day-number" aria-hidden="true">{Number(day.slice(8, 10))}</span>
                  {entries.slice(0, limit).map(({ card, minutes }) => (
                    <button
                      key={card.id}
                      type="button"
                      className="calendar-entry"
                      data-record-id={card.id}
                      draggable={canDrag}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(ENTRY_DRAG_TYPE, card.id);
                        event.dataTransfer.effectAllowed = 'move';
                      }}
                      onClick={() => onOpen(card.id)}
                    >
                      {minutes !== undefined && mode === 'week' ? <span className="calendar-entry-time">{timeFormat.format(new Date(minutes * 60_000))}</span> : null}
                      {cardTitle(card, layout, cell)}
                    </button>
                  ))}
                  {hidden > 0 ? (
                    <button type="button" className="calendar-more" onClick={() => setExpanded(day)}>{t('boards.moreCount', { count: hidden })}</button>
                  ) : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </>
  );
}
