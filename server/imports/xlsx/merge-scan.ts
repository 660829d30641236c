import { AppError } from '../../errors.ts';
import { IMPORT_LIMITS } from '../limits.ts';
import { MergedRanges } from './merged-ranges.ts';
import type { ZipArchive } from './zip-archive.ts';

const SHEET_DATA = Buffer.from('sheetData>');
/** Bytes kept between chunks while looking for </sheetData>: the tag with a long namespace prefix. */
const CARRY_BYTES = 64;
/** A <mergeCell …/> is short; a longer unfinished tag is not one, and is not carried further. */
const MAX_TAG_CHARS = 4096;
const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\b([^>]*)>/g;
const REF_ATTRIBUTE = /(?:^|\s)ref\s*=\s*(["'])([^"']*)\1/;
const REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/;
const MAX_ROW = 1_048_576;

/**
 * Reads a sheet's merged ranges before its rows are parsed. `<mergeCells>` comes after
 * `<sheetData>` in a sheet part, so this inflates the part once on its own and looks at raw
 * bytes only: up to `</sheetData>` it only searches for that tag (Buffer.indexOf, no XML
 * parsing and no text decoding), and after it picks the `ref` of each `<mergeCell>` with a
 * regular expression. Cell text cannot fake the closing tag (a `<` in text is always
 * escaped), so nothing in the rows is taken for a merged range.
 *
 * Refuses a sheet with more than IMPORT_LIMITS.xlsxMergedRanges ranges, before holding them.
 */
export async function readMergedRanges(zip: ZipArchive, sheet: { name: string; part: string }): Promise<MergedRanges> {
  let packed = new Int32Array(64);
  let count = 0;
  let carry: Buffer | undefined;
  let tail: string | undefined;

  const add = (ref: string) => {
    const match = REF.exec(ref.toUpperCase());
    if (!match?.[3] || !match[4]) return; // one cell "merged" with itself, or no range
    const rows = [Number(match[2]), Number(match[4])].sort((a, b) => a - b);
    const columns = [columnIndex(match[1]!), columnIndex(match[3])].sort((a, b) => a - b);
    const [top, bottom] = rows as [number, number];
    const [left, right] = columns as [number, number];
    if (top < 1 || bottom > MAX_ROW || left >= IMPORT_LIMITS.columns || (top === bottom && left === right)) return;
    if (count >= IMPORT_LIMITS.xlsxMergedRanges) {
      throw new AppError('TOO_LARGE', `sheet ${JSON.stringify(sheet.name)} has more than ${IMPORT_LIMITS.xlsxMergedRanges.toLocaleString('en')} merged cell ranges, the most an import applies; unmerge the cells in Excel (Home → Merge & Center → Unmerge Cells) and import again`, { sheet: sheet.name, limit: IMPORT_LIMITS.xlsxMergedRanges });
    }
    if (count * 4 === packed.length) {
      const grown = new Int32Array(packed.length * 2);
      grown.set(packed);
      packed = grown;
    }
    packed.set([top, bottom, left, Math.min(right, IMPORT_LIMITS.columns - 1)], count * 4);
    count++;
  };

  const scanTags = (text: string) => {
    const open = text.lastIndexOf('<');
    const complete = open >= 0 && text.indexOf('>', open) < 0 ? open : text.length;
    MERGE_CELL.lastIndex = 0;
    for (let match = MERGE_CELL.exec(text); match && match.index < complete; match = MERGE_CELL.exec(text)) {
      const ref = REF_ATTRIBUTE.exec(match[1]!)?.[2];
      if (ref) add(ref.trim());
    }
    const rest = text.slice(complete);
    return rest.length > MAX_TAG_CHARS ? '' : rest;
  };

  for await (const chunk of zip.streamBytes(sheet.part)) {
    if (tail !== undefined) {
      tail = scanTags(tail + chunk.toString('latin1'));
      continue;
    }
    // The tag may straddle two chunks: look at the seam, then at the chunk itself (not copied).
    const seam = carry ? Buffer.concat([carry, chunk.subarray(0, CARRY_BYTES)]) : undefined;
    const atSeam = seam ? closeOfSheetData(seam) : -1;
    const end = atSeam >= 0 ? -1 : closeOfSheetData(chunk);
    if (atSeam >= 0) tail = scanTags(seam!.subarray(atSeam).toString('latin1') + chunk.subarray(CARRY_BYTES).toString('latin1'));
    else if (end >= 0) tail = scanTags(chunk.subarray(end).toString('latin1'));
    else carry = Buffer.from(chunk.subarray(Math.max(0, chunk.length - CARRY_BYTES)));
  }
  return count ? MergedRanges.sorted(packed, count) : MergedRanges.none;
}

/** The offset just after `</sheetData>` (or `</x:sheetData>`), -1 when the bytes do not hold it. */
function closeOfSheetData(bytes: Buffer): number {
  for (let at = bytes.indexOf(SHEET_DATA); at >= 0; at = bytes.indexOf(SHEET_DATA, at + 1)) {
    let i = at - 1;
    if (bytes[i] === 0x3a /* : */) {
      i--;
      while (i >= 0 && isNameByte(bytes[i]!)) i--;
    }
    if (bytes[i] === 0x2f /* / */ && bytes[i - 1] === 0x3c /* < */) return at + SHEET_DATA.length;
  }
  return -1;
}

function isNameByte(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x5f || byte === 0x2d || byte === 0x2e;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (let i = 0; i < letters.length; i++) index = index * 26 + (letters.charCodeAt(i) - 64);
  return index - 1;
}
