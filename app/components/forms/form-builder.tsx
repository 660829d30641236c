import type { PageSetup } from '../grid/data-grid.tsx';
import type { GridView } from '../grid/types.ts';

// SCAFFOLD: replaced by the FormBuilder implementation.
export function FormBuilder(_props: { page: PageSetup; view: GridView; onSchemaChange: () => void }) {
  return null;
}
