import { useMemo } from 'react';
import type { CollabClient } from '../../../collab/client/index.ts';
import { orderedFields } from '../grid/columns.ts';
import type { PageSetup } from '../grid/data-grid.tsx';
import type { GridView } from '../grid/types.ts';
import { RecordPanel } from '../record/record-panel.tsx';

/** The expanded record beside a board: the same panel the grid opens, on the board's socket. */
export function BoardRecord({ page, view, client, recordId, onClose }: { page: PageSetup; view: GridView; client: CollabClient | null; recordId: string | null; onClose(): void }) {
  const fields = useMemo(() => orderedFields(page.allFields, view), [page.allFields, view]);
  if (!recordId || !client) return null;
  return (
    <RecordPanel
      key={recordId}
      tableId={page.tableId}
      recordId={recordId}
      fields={fields}
      primaryFieldId={page.primaryFieldId}
      members={page.cell.members}
      role={page.role}
      collab={client}
      timeZone={page.cell.timeZone}
      onClose={onClose}
    />
  );
}
