import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../ui/api-error-text.ts';
import type { FieldJson, Member } from '../schema/types.ts';
import { collapseTyping, describeHistory, type HistoryEntryJson } from './history-sentence.ts';
import { fetchHistory } from './record-api.ts';

interface Props {
  tableId: string;
  recordId: string;
  fields: readonly FieldJson[];
  members: readonly Member[];
  timeZone: string;
  /** Changes when the record changes (the doc's version), to refetch while shown. */
  changeKey?: number;
}

// Relative times ("3 minutes ago") drift; re-render them this often.
const TICK_MS = 30_000;
// A burst of keystrokes in a note is one refetch, not one per key.
const REFETCH_DELAY_MS = 1500;

/** The record's history, newest first, in people's words (history-sentence.ts). */
export function RecordHistory({ tableId, recordId, fields, members, timeZone, changeKey }: Props) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<HistoryEntryJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());

  const load = useCallback((signal?: AbortSignal) => {
    fetchHistory(tableId, recordId, signal).then(
      (history) => { setEntries(history); setError(null); setNow(new Date()); },
      (caught: unknown) => { if (!signal?.aborted) setError(apiErrorText(t, caught)); },
    );
  }, [tableId, recordId, t]);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => load(controller.signal), changeKey ? REFETCH_DELAY_MS : 0);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [load, changeKey]);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const items = useMemo(
    () => collapseTyping(entries ?? []).map((entry) => ({ ...describeHistory(entry, { fields, members, locale: i18n.language, timeZone, now, t }), at: entry.at })),
    [entries, fields, members, i18n.language, timeZone, now, t],
  );

  return (
    <div className="record-history">
      <div className="record-history-bar">
        <button type="button" className="button ghost" onClick={() => load()}>{t('record.history.refresh')}</button>
      </div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {entries === null && !error ? <p className="muted">{t('record.loading')}</p> : null}
      {entries?.length === 0 ? <p className="muted">{t('record.history.empty')}</p> : null}
      <ol className="history-list">
        {items.map((item) => (
          <li key={item.id} className="history-item">
            {item.lines.map((line, index) => <p key={index} className="history-line">{line}</p>)}
            <p className="history-meta muted small">
              <time dateTime={item.at} title={item.whenExact}>{item.when}</time>
              {' · '}
              {item.origin}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
