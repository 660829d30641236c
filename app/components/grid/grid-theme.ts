import { themeQuartz } from 'ag-grid-community';

/**
 * Quartz tuned to Tessera's tokens (app.css): the CSS variables follow the light and dark
 * schemes, so the grid does too without a second theme.
 */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12.5,
  headerFontWeight: 600,
  backgroundColor: 'var(--surface)',
  foregroundColor: 'var(--text)',
  headerBackgroundColor: 'var(--grid-header)',
  headerTextColor: 'var(--muted)',
  borderColor: 'var(--grid-line)',
  rowBorder: { color: 'var(--grid-line)' },
  columnBorder: { color: 'var(--grid-line)' },
  headerColumnBorder: { color: 'var(--grid-line)' },
  accentColor: 'var(--accent)',
  selectedRowBackgroundColor: 'var(--grid-selected)',
  rowHoverColor: 'var(--grid-hover)',
  oddRowBackgroundColor: 'var(--surface)',
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  cellHorizontalPadding: 10,
  rowHeight: 34,
  headerHeight: 34,
  pinnedColumnBorder: { color: 'var(--grid-pinned-line)', width: 1 },
});
