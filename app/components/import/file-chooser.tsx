import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT = '.xlsx,.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The wizard's first step: a file by picker or drag and drop, or text pasted from a
 * spreadsheet or a chat (tabs or commas; the server finds the delimiter).
 */
export function FileChooser({ onFile, busy }: { onFile(file: File): void; busy: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };

  const usePasted = () => {
    if (!pasted.trim() || busy) return;
    // Tabs mean it came from a spreadsheet; the name only shapes the new table's default name.
    const name = pasted.includes('\t') ? `${t('imports.pastedName')}.tsv` : `${t('imports.pastedName')}.csv`;
    onFile(new File([pasted], name, { type: 'text/plain' }));
  };

  return (
    <div className="import-chooser">
      <div
        className={`import-drop${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => { event.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p className="import-drop-title">{t('imports.dropHere')}</p>
        <p className="muted small">{t('imports.formats')}</p>
        <label className="button primary" htmlFor={`${id}-file`} aria-disabled={busy || undefined}>{t('imports.chooseFile')}</label>
        <input
          ref={input}
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-label={t('imports.fileLabel')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Reset so that choosing the same file again (after a fix in Excel) still fires.
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-paste`}>{t('imports.pasteLabel')}</label>
        <textarea
          id={`${id}-paste`}
          className="import-paste"
          rows={5}
          value={pasted}
          placeholder={t('imports.pastePlaceholder')}
          onChange={(event) => setPasted(event.target.value)}
        />
        <div>
          <button type="button" className="button" disabled={busy || !pasted.trim()} onClick={usePasted}>{t('imports.usePasted')}</button>
        </div>
      </div>
    </div>
  );
}
