import { useRef, useState } from 'react';
import type { Attachment } from '../../../core/fields/field-type.ts';
import type { CellEditorProps, CellRendererProps } from './cell-kit.ts';

const isImage = (file: Attachment) => /^image\/(png|jpe?g|gif|webp)$/.test(file.type);
// Only our own attachment URLs are ever loaded or linked.
const ownUrl = (file: Attachment) => (file.url.startsWith('/api/v1/attachments/') ? file.url : undefined);

function asFiles(value: unknown): Attachment[] {
  return Array.isArray(value) ? (value as Attachment[]) : [];
}

function Thumb({ file }: { file: Attachment }) {
  const url = ownUrl(file);
  if (url && isImage(file)) return <img className="thumb" src={url} alt={file.filename} title={file.filename} loading="lazy" />;
  const extension = /\.([a-z0-9]{1,4})$/i.exec(file.filename)?.[1]?.toUpperCase() ?? 'FILE';
  return <span className="thumb file" title={file.filename}>{extension}</span>;
}

export function AttachmentCell({ value }: CellRendererProps) {
  const files = asFiles(value);
  if (!files.length) return null;
  return <span className="thumbs">{files.map((file) => <Thumb key={file.id} file={file} />)}</span>;
}

/** Uploads one file as the raw request body; the server names it by its content hash. */
async function upload(baseId: string, file: File): Promise<Attachment> {
  const response = await fetch(`/api/v1/bases/${encodeURIComponent(baseId)}/attachments?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    body: file,
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
    credentials: 'same-origin',
  });
  const body = (await response.json()) as Attachment & { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? String(response.status));
  return body;
}

/** The cell's files: open, remove, add (picker or drop); Done keeps the list. */
export function AttachmentEditor({ value, field, cell, onChange, commit }: CellEditorProps) {
  const [files, setFiles] = useState<Attachment[]>(() => asFiles(value));
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const change = (next: Attachment[]) => {
    setFiles(next);
    onChange(next.length ? next : null);
  };
  const add = async (list: FileList | null) => {
    if (!list?.length) return;
    setError(null);
    setBusy((n) => n + list.length);
    const added: Attachment[] = [];
    for (const file of Array.from(list)) {
      try {
        added.push(await upload(cell.baseId, file));
      } catch (failure) {
        setError(cell.t('grid.uploadFailed', { name: file.name, message: (failure as Error).message }));
      } finally {
        setBusy((n) => n - 1);
      }
    }
    setFiles((current) => {
      const next = [...current, ...added.filter((file) => !current.some((c) => c.id === file.id))];
      onChange(next.length ? next : null);
      return next;
    });
  };
  return (
    <div className="attachment-editor" onDragOver={(event) => event.preventDefault()} onDrop={(event) => { event.preventDefault(); void add(event.dataTransfer.files); }}>
      <ul className="attachment-list" aria-label={field.name}>
        {files.map((file) => (
          <li key={file.id}>
            <Thumb file={file} />
            <a href={ownUrl(file)} target="_blank" rel="noopener noreferrer" className="attachment-name">{file.filename}</a>
            <button type="button" className="icon-button" aria-label={cell.t('grid.removeItem', { name: file.filename })} onClick={() => change(files.filter((f) => f.id !== file.id))}>×</button>
          </li>
        ))}
        {files.length === 0 ? <li className="picker-empty">{cell.t('grid.noFiles')}</li> : null}
      </ul>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <input ref={picker} type="file" multiple hidden aria-label={cell.t('grid.addFiles')} onChange={(event) => void add(event.target.files)} />
      <div className="picker-actions">
        <button type="button" className="button ghost small" onClick={() => picker.current?.click()} disabled={busy > 0}>
          {busy > 0 ? cell.t('grid.uploading') : cell.t('grid.addFiles')}
        </button>
        <button type="button" className="button primary small" onClick={commit} disabled={busy > 0}>{cell.t('grid.done')}</button>
      </div>
    </div>
  );
}
