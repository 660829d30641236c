import type { CellRendererProps } from './cell-kit.ts';

/** A box that toggles on click (and on Space/Enter through the grid's keys). */
export function CheckboxCell({ value, field, onChange }: CellRendererProps) {
  const checked = value === true;
  return (
    <span className="cell-center">
      <button
        type="button"
        role="checkbox"
        aria-checked={checked}
        aria-label={field.name}
        tabIndex={-1}
        disabled={!onChange}
        className={`cell-checkbox${checked ? ' checked' : ''}`}
        onClick={() => onChange?.(!checked)}
      >
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
    </span>
  );
}
