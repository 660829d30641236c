import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridController } from '../grid/grid-controller.ts';
import { canEditSchema } from '../schema/types.ts';
import { Menu, type MenuItem } from '../ui/menu.tsx';
import { exportUrl, type ExportFormat } from './import-api.ts';
import { IMPORT_FINISHED_EVENT, type ImportFinishedDetail } from './import-session.ts';
import type { ImportTarget } from './import-types.ts';
import { ImportWizard } from './import-wizard.tsx';

const FORMATS: readonly ExportFormat[] = ['csv', 'csv-gbk', 'xlsx'];

/**
 * The grid toolbar's data menu: import a file into this table, and export this view (its
 * filter, sorts and visible fields) or the whole table as CSV for Excel, CSV in GBK for old
 * Chinese Excel, or .xlsx.
 */
export function DataMenu({ ctrl }: { ctrl: GridController }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const { tableId, view, canEdit, role } = ctrl.setup;

  // An import reopened after a reload (CreateTableDialog hosts it) may end into this table.
  useEffect(() => {
    const onFinished = (event: Event) => {
      if ((event as CustomEvent<ImportFinishedDetail>).detail.tableIds.includes(ctrl.setup.tableId)) reload(ctrl);
    };
    window.addEventListener(IMPORT_FINISHED_EVENT, onFinished);
    return () => window.removeEventListener(IMPORT_FINISHED_EVENT, onFinished);
  }, [ctrl]);

  const items: MenuItem[] = [
    {
      id: 'import',
      label: t('imports.menu.importHere'),
      icon: '⇪',
      disabled: !canEdit,
      hint: t('imports.menu.needsEditor'),
      onSelect: () => setImporting(true),
    },
    ...(view ? FORMATS.map((format, i): MenuItem => ({
      id: `view-${format}`,
      label: t(`imports.menu.exportView.${format}`),
      icon: i === 0 ? '⇩' : undefined,
      groupStart: i === 0,
      onSelect: () => download(exportUrl(tableId, format, view.id)),
    })) : []),
    ...FORMATS.map((format, i): MenuItem => ({
      id: `table-${format}`,
      label: t(`imports.menu.exportTable.${format}`),
      icon: i === 0 ? '⇩' : undefined,
      groupStart: i === 0,
      onSelect: () => download(exportUrl(tableId, format)),
    })),
  ];

  const target: ImportTarget = {
    kind: 'existing',
    tableId,
    fields: ctrl.setup.allFields,
    canCreateFields: canEditSchema(role),
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {t('imports.menu.button')}
      </button>
      <Menu open={open} anchor={button.current} label={t('imports.menu.label')} items={items} onClose={() => setOpen(false)} />
      {importing ? (
        <ImportWizard
          baseId={ctrl.setup.baseId}
          target={target}
          onClose={() => setImporting(false)}
          onFinished={(job) => { if (job.status === 'done') reload(ctrl); }}
        />
      ) : null}
    </>
  );
}

/** New fields and rows: the page's schema, then the grid's cached blocks. */
function reload(ctrl: GridController): void {
  ctrl.reloadSchema();
  ctrl.refresh();
}

/**
 * The browser downloads the export itself: it streams to disk with the session cookie, and
 * the server's Content-Disposition names the file (with its Chinese name per RFC 5987).
 */
function download(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
