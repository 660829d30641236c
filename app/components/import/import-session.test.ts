import { describe, expect, it } from 'vitest';
import { repairFileName } from './display-name.ts';
import { pendingImport, withImportParam } from './import-session.ts';
import { previewLength } from './preview-slice.ts';

describe('the import remembered across a reload', () => {
  const page = 'http://127.0.0.1:3000/bases/bas1/tables/tbl1?view=viw1';

  it('puts the job id in the URL and takes it out again, keeping the rest', () => {
    const withId = withImportParam(page, 'impABCDEFGHIJKLMN');
    expect(new URL(withId).searchParams.get('import')).toBe('impABCDEFGHIJKLMN');
    expect(new URL(withId).searchParams.get('view')).toBe('viw1');
    expect(withImportParam(withId, null)).toBe(page);
  });

  it('prefers the URL, falls back to what this base remembered, and ignores junk', () => {
    const stored = JSON.stringify({ id: 'impSTORED1234567', tableId: 'tbl1' });
    expect(pendingImport(withImportParam(page, 'impFROMURL123456'), stored)).toEqual({ id: 'impFROMURL123456', tableId: null });
    expect(pendingImport(withImportParam(page, 'impSTORED1234567'), stored)).toEqual({ id: 'impSTORED1234567', tableId: 'tbl1' });
    expect(pendingImport(page, stored)).toEqual({ id: 'impSTORED1234567', tableId: 'tbl1' });
    expect(pendingImport(page, null)).toBeNull();
    expect(pendingImport(page, '{not json')).toBeNull();
    expect(pendingImport(withImportParam(page, '<script>'), null)).toBeNull();
  });
});

describe('the part of a file the preview needs', () => {
  const text = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i % 10 === 9 ? 0x0a : 0x41));

  it('sends small files whole', () => {
    expect(previewLength(text(50), 50, 100)).toBe(50);
  });

  it('cuts big text files after the last line break within the limit', () => {
    expect(previewLength(text(100), 10_000, 95)).toBe(90);
  });

  it('sends workbooks and UTF-16 text whole', () => {
    expect(previewLength(Uint8Array.from([0x50, 0x4b, 3, 4, 0x0a]), 10_000, 4)).toBe(10_000);
    expect(previewLength(Uint8Array.from([0xff, 0xfe, 0x0a, 0]), 10_000, 4)).toBe(10_000);
  });
});

describe('file names read as Latin-1 by the upload', () => {
  it('are shown as written, and real Latin-1 or ASCII names are left alone', () => {
    const garbled = String.fromCharCode(...new TextEncoder().encode('客户 2025.csv'));
    expect(repairFileName(garbled)).toBe('客户 2025.csv');
    expect(repairFileName('café.csv')).toBe('café.csv');
    expect(repairFileName('customers.csv')).toBe('customers.csv');
    expect(repairFileName('客户.csv')).toBe('客户.csv');
  });
});
