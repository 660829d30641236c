import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Dialog } from '../ui/dialog.tsx';
import type { GridController } from './grid-controller.ts';
import { planNewColumns, type NewColumn } from './paste-columns.ts';

/** What the person chose for pasted columns past the last field. */
export type ExtraColumnsChoice =
  | { kind: 'create'; headers: boolean; columns: NewColumn[] }
  | { kind: 'fit'; headers: boolean; columns: [] }
  | { kind: 'cancel' };

/**
 * Asks whether to create fields for the pasted columns past the last one, showing their
 * names and inferred types. The grid's page does not host it: the dialog mounts its own
 * React root for as long as it is open (a native modal `<dialog>` sits in the top layer
 * wherever it is in the DOM), so paste stays self-contained.
 */
export function askAboutExtraColumns(ctrl: GridController, cells: readonly (readonly string[])[], fitting: number, headers: boolean): Promise<ExtraColumnsChoice> {
  return new Promise((resolve) => {
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const finish = (choice: ExtraColumnsChoice) => {
      root.unmount();
      container.remove();
      resolve(choice);
    };
    root.render(<ExtraColumnsDialog ctrl={ctrl} cells={cells} fitting={fitting} initialHeaders={headers} onChoose={finish} />);
  });
}

interface DialogProps {
  ctrl: GridController;
  cells: readonly (readonly string[])[];
  fitting: number;
  initialHeaders: boolean;
  onChoose(choice: ExtraColumnsChoice): void;
}

function ExtraColumnsDialog({ ctrl, cells, fitting, initialHeaders, onChoose }: DialogProps) {
  // Its own root has no i18n provider: the grid's translator comes along with the controller.
  const { t } = ctrl.setup.cell;
  const [headers, setHeaders] = useState(initialHeaders);
  const columns = useMemo(
    () => planNewColumns(cells, { from: fitting, headers, existingNames: ctrl.setup.allFields.map((field) => field.name), fieldWord: t('paste.fieldWord') }),
    [cells, fitting, headers, ctrl, t],
  );
  const count = columns.length;
  return (
    <Dialog
      open
      title={t('paste.newFieldsTitle', { count })}
      description={t('paste.newFieldsDescription', { count })}
      closeLabel={t('paste.cancel')}
      onClose={() => onChoose({ kind: 'cancel' })}
      footer={(
        <>
          <button type="button" className="button ghost" onClick={() => onChoose({ kind: 'fit', headers, columns: [] })}>{t('paste.pasteWhatFits')}</button>
          <button type="button" className="button primary" onClick={() => onChoose({ kind: 'create', headers, columns })}>{t('paste.createAndPaste', { count })}</button>
        </>
      )}
    >
      <label className="paste-headers-choice">
        <input type="checkbox" checked={headers} onChange={(event) => setHeaders(event.target.checked)} />
        {t('paste.firstRowHeaders')}
      </label>
      <table className="paste-new-fields">
        <thead>
          <tr>
            <th scope="col">{t('paste.fieldName')}</th>
            <th scope="col">{t('paste.fieldType')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column, index) => (
            <tr key={index}>
              <td>{column.name}</td>
              <td>{t(`schema.types.${column.type}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
