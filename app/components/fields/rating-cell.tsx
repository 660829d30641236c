import type { CellRendererProps } from './cell-kit.ts';

/** Stars; clicking one sets the rating, clicking the lit last one clears it. */
export function RatingCell({ value, field, cell, onChange }: CellRendererProps) {
  const max = typeof field.options.max === 'number' ? field.options.max : 5;
  const rating = typeof value === 'number' ? value : 0;
  return (
    <span className="stars" role="img" aria-label={cell.t('grid.ratingLabel', { rating, max })}>
      {Array.from({ length: max }, (_, index) => {
        const star = index + 1;
        return (
          <button
            key={star}
            type="button"
            tabIndex={-1}
            aria-hidden="true"
            disabled={!onChange}
            className={star <= rating ? 'star lit' : 'star'}
            onClick={() => onChange?.(star === rating ? null : star)}
          >
            ★
          </button>
        );
      })}
    </span>
  );
}
