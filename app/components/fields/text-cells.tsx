import type { CellRendererProps } from './cell-kit.ts';
import { formatValue } from './cell-kit.ts';

/** Plain text on one line; the full text is in the title for cut-off values. */
export function TextCell({ value, field, fieldType, cell }: CellRendererProps) {
  const text = formatValue(fieldType, field, value, cell);
  return <span className="cell-text" title={text.length > 30 ? text : undefined}>{text}</span>;
}

/** Long text: the first lines, flattened; the editor shows all of it. */
export function LongTextCell({ value }: CellRendererProps) {
  const text = typeof value === 'string' ? value : '';
  return <span className="cell-text long">{text.replace(/\s*\n\s*/g, ' ⏎ ')}</span>;
}

/** Numbers, currency and percent: formatted by the type, right-aligned like a sheet. */
export function NumberCell({ value, field, fieldType, cell }: CellRendererProps) {
  return <span className="cell-text number">{formatValue(fieldType, field, value, cell)}</span>;
}

/** Read-only system values (auto number, created/modified time): shown, never edited. */
export function ReadOnlyCell({ value, field, fieldType, cell }: CellRendererProps) {
  return <span className="cell-text readonly">{formatValue(fieldType, field, value, cell)}</span>;
}

// Only these schemes ever become links: a stored `javascript:` must stay text.
const SAFE_URL = /^(https?:|mailto:)/i;

export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !SAFE_URL.test(value) || !URL.canParse(value)) return undefined;
  const protocol = new URL(value).protocol;
  return protocol === 'http:' || protocol === 'https:' || protocol === 'mailto:' ? value : undefined;
}

export function safeMailto(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[^\s@<>"]+@[^\s@<>"]+$/.test(value)) return undefined;
  return `mailto:${value}`;
}

export function safeTel(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const digits = value.replace(/[^\d+]/g, '');
  return /^\+?\d{3,20}$/.test(digits) ? `tel:${digits}` : undefined;
}

function LinkCell({ text, href }: { text: string; href: string | undefined }) {
  if (!href) return <span className="cell-text">{text}</span>;
  return (
    <a
      className="cell-text cell-link"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
    >
      {text}
    </a>
  );
}

export function UrlCell({ value }: CellRendererProps) {
  const text = typeof value === 'string' ? value : '';
  return <LinkCell text={text.replace(/^https?:\/\//, '')} href={safeUrl(value)} />;
}

export function EmailCell({ value }: CellRendererProps) {
  return <LinkCell text={typeof value === 'string' ? value : ''} href={safeMailto(value)} />;
}

export function PhoneCell({ value }: CellRendererProps) {
  return <LinkCell text={typeof value === 'string' ? value : ''} href={safeTel(value)} />;
}
