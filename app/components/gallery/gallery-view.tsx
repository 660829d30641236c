import type { PageSetup } from '../grid/data-grid.tsx';
import type { GridView } from '../grid/types.ts';

// SCAFFOLD: replaced by the GalleryView implementation.
export function GalleryView(_props: { page: PageSetup; view: GridView; onSchemaChange: () => void }) {
  return null;
}
