import type { FieldIconName } from './cell-kit.ts';

// 16×16 strokes, drawn for this grid: one path per type family.
const PATHS: Record<FieldIconName, string> = {
  text: 'M3 4h10M8 4v9M5.5 13h5',
  longText: 'M3 4h10M3 7h10M3 10h10M3 13h6',
  number: 'M6 3 4.5 13M11.5 3 10 13M3 6h10M2.5 10.5h10',
  currency: 'M4 3l4 5 4-5M8 8v6M5 9.5h6M5 12h6',
  percent: 'M12.5 3.5l-9 9M5 6a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM11 13a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z',
  date: 'M3 5h10v8H3zM3 8h10M6 3v3M10 3v3',
  checkbox: 'M3 3h10v10H3zM5.5 8l2 2 3.5-4',
  select: 'M8 13A5 5 0 1 0 8 3a5 5 0 0 0 0 10zM6 7.5l2 2 2-2',
  multi: 'M2.5 5.5h7v5h-7zM6.5 3.5h7v5',
  email: 'M2.5 4h11v8h-11zM2.5 4.5 8 9l5.5-4.5',
  phone: 'M5 2.5h6v11H5zM7.5 11.5h1',
  url: 'M7 9a3 3 0 0 0 4.2.2l2-2a3 3 0 0 0-4.2-4.2l-1 1M9 7a3 3 0 0 0-4.2-.2l-2 2a3 3 0 0 0 4.2 4.2l1-1',
  rating: 'M8 2.5l1.7 3.5 3.8.5-2.8 2.7.7 3.8L8 11.2 4.6 13l.7-3.8L2.5 6.5l3.8-.5z',
  user: 'M8 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM3 13.5c.7-2.4 2.7-3.5 5-3.5s4.3 1.1 5 3.5',
  attachment: 'M10.5 5 6 9.5a1.4 1.4 0 0 0 2 2l4.6-4.6a2.8 2.8 0 0 0-4-4L4 7.5a4.2 4.2 0 0 0 6 6l3-3',
  autoNumber: 'M3 4h3v8M3 12h6M9.5 5.5a2 2 0 1 1 3 1.7L9.5 12h3.5',
  time: 'M8 13.5A5.5 5.5 0 1 0 8 2.5a5.5 5.5 0 0 0 0 11zM8 5v3l2 1.5',
  lock: 'M4 7.5h8v6H4zM5.5 7.5V5.5a2.5 2.5 0 0 1 5 0v2',
};

export function FieldIcon({ name, className }: { name: FieldIconName; className?: string }) {
  return (
    <svg className={className ?? 'field-icon'} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
