/**
 * A range as Excel (and WPS, Numbers, Google Sheets) reads it from the clipboard: TSV with
 * CRLF rows, a cell quoted when it holds a tab, a line break or a quote (quotes doubled),
 * and an HTML table whose in-cell line breaks are `<br>` with Excel's same-cell hint.
 */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(tsvCell).join('\t')).join('\r\n') + '\r\n';
}

function tsvCell(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => ESCAPES[ch]!);

export function toHtmlTable(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map((row) => `<tr>${row.map((text) => `<td>${escapeHtml(text).replace(/\r\n|\r|\n/g, '<br style="mso-data-placement:same-cell;">')}</td>`).join('')}</tr>`)
    .join('');
  // The charset meta keeps Chinese text intact when Excel reads the fragment.
  return `<html><head><meta charset="utf-8"></head><body><table>${body}</table></body></html>`;
}

/**
 * Puts both flavours on the clipboard. Synchronously through a copy event when possible
 * (works without clipboard permission, inside the key press that asked for it), else
 * through the async Clipboard API.
 */
export async function writeClipboard(rows: readonly (readonly string[])[]): Promise<void> {
  const text = toTsv(rows);
  const html = toHtmlTable(rows);
  let written = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.clipboardData.setData('text/html', html);
    event.preventDefault();
    written = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  if (written) return;
  await navigator.clipboard.write([
    new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
  ]);
}
