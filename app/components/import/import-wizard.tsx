import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/dialog.tsx';
import { FileChooser } from './file-chooser.tsx';
import { previewImport, startImport } from './import-api.ts';
import { ImportErrorText } from './import-error-text.tsx';
import { buildImportOptions, choiceProblem, initialSheets, type SheetChoice } from './import-options.ts';
import { ImportProgress } from './import-progress.tsx';
import { forgetImport, rememberImport } from './import-session.ts';
import type { ImportJob, ImportPreview, ImportTarget } from './import-types.ts';
import { SheetMapping } from './sheet-mapping.tsx';
import './import.css';

type Stage =
  | { kind: 'choose' }
  | { kind: 'map'; file: File; preview: ImportPreview; sheets: SheetChoice[] }
  | { kind: 'progress'; jobId: string; ended: boolean };

export interface ImportWizardProps {
  baseId: string;
  target: ImportTarget;
  /** A job already started (reopened after a reload): the wizard opens on its progress. */
  jobId?: string | null;
  onClose(): void;
  /** The job ended (done, failed or cancelled); `fresh` as ImportProgress says. */
  onFinished?(job: ImportJob, fresh: boolean): void;
  /** A table link of the summary was followed. */
  onOpenTable?(tableId: string): void;
}

/**
 * The import dialog: a file (or pasted text) → the preview, where each sheet's header row
 * and each column's name, type or destination can be changed → the job's progress → how it
 * ended. The job id is remembered (URL and localStorage) so a reload reopens the progress.
 */
export function ImportWizard({ baseId, target, jobId = null, onClose, onFinished, onOpenTable }: ImportWizardProps) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>(jobId ? { kind: 'progress', jobId, ended: false } : { kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const aborter = useRef<AbortController | null>(null);

  const request = async <T,>(run: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> => {
    const controller = new AbortController();
    aborter.current = controller;
    setBusy(true);
    setError(null);
    try {
      return await run(controller.signal);
    } catch (caught) {
      if (!controller.signal.aborted) setError(caught);
      return undefined;
    } finally {
      if (aborter.current === controller) setBusy(false);
    }
  };

  const readFile = async (file: File) => {
    const preview = await request((signal) => previewImport(baseId, file, undefined, signal));
    if (preview) setStage({ kind: 'map', file, preview, sheets: initialSheets(preview.sheets, target, file.name) });
  };

  const rereadWithHeader = async (sheetName: string, headerRow: number) => {
    if (stage.kind !== 'map') return;
    const wanted = stage.sheets.map((sheet) => ({ name: sheet.name, headerRow: sheet.name === sheetName ? headerRow : sheet.headerRow }));
    const preview = await request((signal) => previewImport(baseId, stage.file, { sheets: wanted }, signal));
    if (preview) setStage({ ...stage, preview, sheets: initialSheets(preview.sheets, target, stage.file.name, stage.sheets) });
  };

  const start = async () => {
    if (stage.kind !== 'map') return;
    const options = buildImportOptions(target, stage.sheets);
    const started = await request((signal) => startImport(baseId, stage.file, options, signal));
    if (!started) return;
    rememberImport(baseId, { id: started.id, tableId: target.kind === 'existing' ? target.tableId : null });
    setStage({ kind: 'progress', jobId: started.id, ended: false });
  };

  const finished = (job: ImportJob, fresh: boolean) => {
    forgetImport(baseId, job.id);
    setStage((current) => (current.kind === 'progress' ? { ...current, ended: true } : current));
    onFinished?.(job, fresh);
  };

  const close = () => {
    aborter.current?.abort();
    onClose();
  };

  const title = stage.kind === 'progress'
    ? t(stage.ended ? 'imports.titleEnded' : 'imports.titleProgress')
    : target.kind === 'existing' ? t('imports.titleInto') : t('imports.titleNew');

  return (
    <Dialog
      open
      size="wide"
      onClose={close}
      title={title}
      description={stage.kind === 'choose' ? t(target.kind === 'existing' ? 'imports.descriptionInto' : 'imports.descriptionNew') : undefined}
      busy={busy}
      closeLabel={t('ui.close')}
      footer={
        <Footer
          stage={stage}
          target={target}
          busy={busy}
          onClose={close}
          onBack={() => { setError(null); setStage({ kind: 'choose' }); }}
          onStart={() => void start()}
          onStop={() => { aborter.current?.abort(); setBusy(false); }}
        />
      }
    >
      {stage.kind === 'choose' ? (
        <>
          <FileChooser busy={busy} onFile={(file) => void readFile(file)} />
          {busy ? <p className="muted" role="status">{t('imports.reading')}</p> : null}
        </>
      ) : null}
      {stage.kind === 'map' ? (
        <MapStage
          stage={stage}
          target={target}
          busy={busy}
          onSheets={(sheets) => setStage({ ...stage, sheets })}
          onHeaderRow={(sheet, row) => void rereadWithHeader(sheet, row)}
        />
      ) : null}
      {stage.kind === 'progress' ? (
        <ImportProgress jobId={stage.jobId} baseId={baseId} onFinished={finished} onOpenTable={(id) => { onOpenTable?.(id); onClose(); }} />
      ) : null}
      {error ? <ImportErrorText error={error} /> : null}
    </Dialog>
  );
}

function MapStage({ stage, target, busy, onSheets, onHeaderRow }: {
  stage: Extract<Stage, { kind: 'map' }>;
  target: ImportTarget;
  busy: boolean;
  onSheets(sheets: SheetChoice[]): void;
  onHeaderRow(sheet: string, row: number): void;
}) {
  const { t } = useTranslation();
  const { preview, sheets } = stage;
  const several = sheets.length > 1;
  const choose = (name: string, selected: boolean) => {
    onSheets(sheets.map((sheet) => {
      if (target.kind === 'existing') return { ...sheet, selected: sheet.name === name };
      return sheet.name === name ? { ...sheet, selected } : sheet;
    }));
  };
  return (
    <div className="import-map stack">
      <p className="muted small import-facts">
        {[
          stage.file.name,
          preview.format === 'xlsx' ? t('imports.formatXlsx') : t('imports.formatText'),
          preview.encoding ? t('imports.encoding', { encoding: encodingName(preview.encoding) }) : null,
          preview.delimiter ? t('imports.delimiter', { delimiter: DELIMITERS[preview.delimiter] ? t(`imports.delimiters.${DELIMITERS[preview.delimiter]!}`) : JSON.stringify(preview.delimiter) }) : null,
        ].filter(Boolean).join(' · ')}
      </p>
      {several ? (
        <fieldset className="import-sheet-list">
          <legend>{target.kind === 'existing' ? t('imports.pickSheet') : t('imports.pickSheets')}</legend>
          {sheets.map((sheet) => {
            const info = preview.sheets.find((entry) => entry.name === sheet.name);
            return (
              <label key={sheet.name} className="import-check">
                <input
                  type={target.kind === 'existing' ? 'radio' : 'checkbox'}
                  name="import-sheet"
                  checked={sheet.selected}
                  onChange={(event) => choose(sheet.name, event.target.checked)}
                />
                <span>{sheet.name}</span>
                {info?.rowsTotal !== undefined ? <span className="muted small">{t('imports.sheetRows', { count: info.rowsTotal })}</span> : null}
                {info?.hidden ? <span className="badge">{t('imports.hiddenSheet')}</span> : null}
              </label>
            );
          })}
        </fieldset>
      ) : null}
      {sheets.filter((sheet) => sheet.selected).map((sheet) => {
        const info = preview.sheets.find((entry) => entry.name === sheet.name)!;
        return (
          <div key={sheet.name}>
            {several ? <h3 className="import-sheet-title">{sheet.name}</h3> : null}
            <SheetMapping
              sheet={info}
              choice={sheet}
              target={target}
              busy={busy}
              onChange={(next) => onSheets(sheets.map((entry) => (entry.name === next.name ? next : entry)))}
              onHeaderRow={(row) => onHeaderRow(sheet.name, row)}
            />
          </div>
        );
      })}
    </div>
  );
}

function Footer({ stage, target, busy, onClose, onBack, onStart, onStop }: {
  stage: Stage;
  target: ImportTarget;
  busy: boolean;
  onClose(): void;
  onBack(): void;
  onStart(): void;
  /** Abandons the upload in flight (a big file on a slow line). */
  onStop(): void;
}) {
  const { t } = useTranslation();
  if (stage.kind === 'choose') return <button type="button" className="button ghost" onClick={onClose}>{t('ui.cancel')}</button>;
  if (stage.kind === 'progress') {
    return <button type="button" className="button" onClick={onClose}>{stage.ended ? t('ui.close') : t('imports.hide')}</button>;
  }
  const problem = choiceProblem(target, stage.sheets);
  return (
    <>
      {problem ? <span className="field-error import-problem">{t(`imports.problems.${problem.problem}`, { sheet: problem.sheet ?? '', name: problem.name ?? '' })}</span> : null}
      {busy ? <button type="button" className="button ghost" onClick={onStop}>{t('imports.stopUpload')}</button> : null}
      <button type="button" className="button ghost" onClick={onBack} disabled={busy}>{t('imports.otherFile')}</button>
      <button type="button" className="button primary" onClick={onStart} disabled={busy || problem !== null}>
        {busy ? t('imports.uploading') : t('imports.start')}
      </button>
    </>
  );
}

function encodingName(encoding: string): string {
  const lower = encoding.toLowerCase();
  if (lower === 'gb18030' || lower === 'gbk') return 'GBK (GB18030)';
  return encoding.toUpperCase();
}

const DELIMITERS: Record<string, 'comma' | 'tab' | 'semicolon' | 'pipe'> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };
