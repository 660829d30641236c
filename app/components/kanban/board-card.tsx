import type { Attachment } from '../../../core/fields/field-type.ts';
import { fieldTypes } from '../../../core/fields/registry.ts';
import { formatValue, kitOf, type CellContext } from '../fields/index.ts';
import type { Card } from './board-api.ts';
import type { CardLayout } from './board-layout.ts';

const isImage = (file: Attachment) => /^image\/(png|jpe?g|gif|webp)$/.test(file.type);
// Only our own attachment URLs are ever loaded (as the grid's attachment cell does).
const ownImage = (value: unknown) => (Array.isArray(value) ? (value as Attachment[]) : []).find((file) => isImage(file) && file.url.startsWith('/api/v1/attachments/'));

/** The title a card (or a calendar entry) shows: the primary field's text, else "Untitled". */
export function cardTitle(card: Card, layout: CardLayout, cell: CellContext): string {
  const title = layout.title;
  const text = title ? formatValue(fieldTypes[title.type], title, card.values[title.id] ?? null, cell) : '';
  return text || cell.t('boards.untitled');
}

/** A card's face: cover image, title, then each chosen field with its name and the grid's renderer. */
export function CardFace({ card, layout, cell }: { card: Card; layout: CardLayout; cell: CellContext }) {
  const cover = layout.cover ? ownImage(card.values[layout.cover.id]) : undefined;
  return (
    <>
      {layout.cover ? (
        <div className="board-card-cover">{cover ? <img src={cover.url} alt="" loading="lazy" draggable={false} /> : null}</div>
      ) : null}
      <div className="board-card-title">{cardTitle(card, layout, cell)}</div>
      {layout.fields.map((field) => {
        const kit = kitOf(field.type);
        return (
          <div key={field.id} className="board-card-field" data-field-id={field.id}>
            <span className="board-card-label">{field.name}</span>
            <span className="board-card-value"><kit.Renderer value={card.values[field.id] ?? null} field={field} fieldType={fieldTypes[field.type]} cell={cell} /></span>
          </div>
        );
      })}
    </>
  );
}
