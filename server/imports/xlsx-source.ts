import fs from 'node:fs';
import { AppError } from '../errors.ts';
import { HEADER_SCAN_ROWS, INFERENCE_ROWS } from './limits.ts';
import { NO_MERGES, type MergeLookup } from './merged-cells.ts';
import type { ImportSource, SheetInfo, SourceRow } from './source.ts';
import { readMergedRanges } from './xlsx/merge-scan.ts';
import { readSheetRows, type SheetHead } from './xlsx/sheet-rows.ts';
import { readWorkbook } from './xlsx/workbook.ts';
import { ZipArchive } from './xlsx/zip-archive.ts';

/**
 * Opens an .xlsx upload: the zip's directory (with the bomb checks), the sheet list, styles
 * and shared strings. Sheets stream when read, merged cells applied. The first rows of each
 * sheet are read here so the sheet's dimension and hidden columns are known to the preview.
 */
export async function openXlsxSource(path: string): Promise<ImportSource> {
  const { size } = await fs.promises.stat(path);
  const zip = await ZipArchive.open(path);
  try {
    const workbook = await readWorkbook(zip);
    const heads = new Map<string, SheetHead>();
    const sheets: SheetInfo[] = [];
    for (const sheet of workbook.sheets) {
      const head: SheetHead = { hiddenColumns: [] };
      heads.set(sheet.name, head);
      // The dimension and <cols> come before the rows: the first chunk has them.
      const rows = readSheetRows(zip, workbook, sheet, head, () => {});
      await rows.next();
      await rows.return(undefined);
      sheets.push({ name: sheet.name, hidden: sheet.hidden, hiddenColumns: head.hiddenColumns, ...(head.lastRow ? { lastRow: head.lastRow } : {}) });
    }
    return {
      format: 'xlsx',
      sheets,
      bytesTotal: size,
      openSheet(name) {
        const sheet = workbook.sheets.find((s) => s.name === name);
        if (!sheet) throw new AppError('INVALID_REQUEST', `the workbook has no sheet named ${JSON.stringify(name)}`, { sheet: name });
        let bytes = 0;
        let merges: MergeLookup = NO_MERGES;
        // Merged ranges are listed after the rows: one quick pass over the sheet's bytes finds
        // them (merge-scan.ts), then the rows stream with the ranges' values filled in.
        async function* read(): AsyncGenerator<SourceRow[]> {
          const filler = (await readMergedRanges(zip, sheet!)).filler(HEADER_SCAN_ROWS + INFERENCE_ROWS);
          merges = filler;
          yield* readSheetRows(zip, workbook, sheet!, { hiddenColumns: [] }, (n) => (bytes += n), filler);
        }
        const rows = read();
        return { rows: () => rows, bytesRead: () => bytes, mergedCells: () => merges, close: () => void rows.return(undefined) };
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}
