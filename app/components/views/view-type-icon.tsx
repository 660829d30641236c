import type { ViewType } from '../../../core/views/view-config.ts';

// 16×16 strokes, one per view type, drawn like the field icons.
const PATHS: Record<ViewType, string> = {
  grid: 'M2.5 3.5h11v9h-11zM2.5 6.5h11M2.5 9.5h11M6.5 6.5v6',
  kanban: 'M2.5 3h3v10h-3zM6.5 3h3v6h-3zM10.5 3h3v8h-3z',
  calendar: 'M2.5 4h11v9h-11zM2.5 7h11M5.5 2.5v3M10.5 2.5v3M5 9.5h1M7.5 9.5h1M10 9.5h1',
  gallery: 'M2.5 3h5v5h-5zM8.5 3h5v5h-5zM2.5 9h5v4h-5zM8.5 9h5v4h-5z',
  form: 'M3.5 2.5h9v11h-9zM5.5 5h5M5.5 7.5h5M5.5 10h3',
};

export function ViewTypeIcon({ type }: { type: ViewType }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" className={`view-glyph view-glyph-${type}`}>
      <path d={PATHS[type]} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false" className="view-lock">
      <path d="M4 7.5h8v6H4zM5.5 7.5V5.5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
