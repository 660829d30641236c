import type { GridField, GridView } from '../grid/types.ts';

/** What a card shows, resolved from the view against the table's fields. */
export interface CardLayout {
  title: GridField | undefined;
  /** The view's card fields in order, the title left out. */
  fields: GridField[];
  cover: GridField | undefined;
}

export function cardLayout(allFields: readonly GridField[], view: GridView, primaryFieldId: string | null): CardLayout {
  const byId = new Map(allFields.map((field) => [field.id, field]));
  const title = (primaryFieldId && byId.get(primaryFieldId)) || allFields[0];
  const fields = (view.cardFields ?? []).flatMap((id) => (id !== title?.id && byId.get(id) ? [byId.get(id)!] : []));
  const cover = view.coverField ? byId.get(view.coverField) : undefined;
  return { title, fields, cover: cover?.type === 'attachment' ? cover : undefined };
}

/** Pixel heights the virtualized lists place cards by: every card of a board is the same height. */
export const COVER_HEIGHT = 120;
export const TITLE_HEIGHT = 24;
export const FIELD_HEIGHT = 38;
export const CARD_PADDING = 20;
export const CARD_GAP = 8;

export function cardHeight(layout: CardLayout): number {
  return CARD_PADDING + TITLE_HEIGHT + layout.fields.length * FIELD_HEIGHT + (layout.cover ? COVER_HEIGHT : 0);
}

/** The fields a view's filter names: a change to one can take a record out of the view or bring one in. */
export function filterFieldIds(filter: GridView['filter']): string[] {
  if (!filter) return [];
  return filter.conditions.flatMap((node) => ('conjunction' in node ? filterFieldIds(node) : [node.field]));
}
