import { IMPORT_LIMITS } from './limits.ts';
import { columnLetter, fileError } from './import-error.ts';

export type Newline = '\r\n' | '\n' | '\r';
export interface CsvDialect {
  delimiter: string;
  newline: Newline;
}

export interface ScanResult {
  /** Where scanning stopped: the next call continues from here. */
  scannedTo: number;
  /** End of the last complete record's text (its newline excluded), if one ended. */
  lastEnd?: number;
  /** Where the record after it starts. */
  lastNext?: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
/** Excel's widest sheet (XFD); a row wider than this is not a spreadsheet. */
const MAX_FIELDS_PER_ROW = 16_384;
function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/**
 * Finds where complete records end in streamed text (newlines outside quotes), with the
 * quote rules papaparse follows: a quote opens a quoted cell only at the start of a cell,
 * and "" inside one is a literal quote. It also enforces what papaparse has no limit for —
 * a cell's length, a row's width, a quote never closed — before papaparse sees the text,
 * so a hostile file can never make the parser buffer without bound.
 */
export class CsvRecordScanner {
  /** Names a column in errors once the header is known; letters before that. */
  columnName: (index: number) => string = columnLetter;
  private inQuotes = false;
  private atFieldStart = true;
  private fieldLength = 0;
  private column = 0;
  private record = 1;
  private quoteRecord = 0;
  private quoteColumn = 0;
  private readonly delimiter: number;
  private readonly newline: number;

  constructor(private readonly dialect: CsvDialect, private readonly sheet?: string) {
    this.delimiter = dialect.delimiter.charCodeAt(0);
    this.newline = dialect.newline === '\n' ? LF : CR;
  }

  /** Scans `text` from `from`; `final` says no more text follows (so no lookahead is pending). */
  scan(text: string, from: number, final: boolean): ScanResult {
    const n = text.length;
    const crlf = this.dialect.newline === '\r\n';
    const maxCell = IMPORT_LIMITS.cellChars;
    const result: ScanResult = { scannedTo: from };
    let i = from;
    // Where the next quote is (n when none): records before it may take the fast path.
    let nextQuote = -1;
    while (i < n) {
      if (!this.inQuotes && this.column === 0 && this.fieldLength === 0 && this.atFieldStart) {
        if (nextQuote < i) nextQuote = indexOrEnd(text, '"', i);
        const end = nextQuote > i ? this.plainRecordEnd(text, i, nextQuote, final) : -1;
        if (end === -2) break; // the record goes on in the next chunk
        if (end >= 0) {
          this.record++;
          result.lastEnd = end;
          result.lastNext = i = end + this.dialect.newline.length;
          continue;
        }
      }
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        if (c === QUOTE) {
          if (i + 1 >= n && !final) break; // is it "" or the closing quote? the next chunk says
          if (text.charCodeAt(i + 1) === QUOTE) {
            i += 2;
            if (++this.fieldLength > maxCell) this.cellTooLong();
            continue;
          }
          this.inQuotes = false;
          i++;
          continue;
        }
        if (++this.fieldLength > maxCell) this.cellTooLong();
        i++;
        continue;
      }
      if (c === QUOTE && this.atFieldStart) {
        this.inQuotes = true;
        this.atFieldStart = false;
        this.quoteRecord = this.record;
        this.quoteColumn = this.column;
        i++;
        continue;
      }
      if (c === this.delimiter) {
        this.endField();
        this.column++;
        this.atFieldStart = true;
        i++;
        continue;
      }
      if (c === this.newline) {
        if (crlf) {
          if (i + 1 >= n && !final) break;
          if (text.charCodeAt(i + 1) === LF) {
            this.endRecord();
            result.lastEnd = i;
            result.lastNext = i + 2;
            i += 2;
            continue;
          }
        } else {
          this.endRecord();
          result.lastEnd = i;
          result.lastNext = i + 1;
          i++;
          continue;
        }
      }
      this.atFieldStart = false;
      if (++this.fieldLength > maxCell) this.cellTooLong();
      i++;
    }
    result.scannedTo = i;
    if (final && i >= n && !this.inQuotes) this.endField();
    if (final && i >= n && this.inQuotes) {
      throw fileError('INVALID_REQUEST', { sheet: this.sheet, row: this.quoteRecord, column: this.columnName(this.quoteColumn) },
        'a quoted cell is never closed: its opening " has no closing " before the end of the file');
    }
    return result;
  }

  /**
   * The common record needs no character loop: with no quote before its newline, it ends at
   * that newline, and when it is no longer than a cell may be and has no more cells than a
   * table may have columns, no limit can be broken. Returns where its newline starts, -1
   * when the record must be scanned character by character, -2 when the text ends first.
   */
  private plainRecordEnd(text: string, from: number, nextQuote: number, final: boolean): number {
    const newline = this.dialect.newline;
    const end = text.indexOf(newline, from);
    if (end < 0 || end > nextQuote) {
      // An unfinished record at the end of the text waits for the next chunk, unless it is
      // already longer than a cell may be (the long way then finds what is wrong).
      const waits = end < 0 && !final && nextQuote >= text.length && text.length - from <= IMPORT_LIMITS.cellChars;
      return waits ? -2 : -1;
    }
    // A CR not followed by LF inside the record is a character of a cell: scan it the long way.
    if (newline === '\r\n' && text.indexOf('\r', from) < end) return -1;
    if (end - from > IMPORT_LIMITS.cellChars) return -1;
    if (end - from > IMPORT_LIMITS.columns) {
      // Long enough to hold too many columns: count its delimiters.
      let cells = 1;
      for (let at = text.indexOf(this.dialect.delimiter, from); at >= 0 && at < end; at = text.indexOf(this.dialect.delimiter, at + 1)) {
        if (++cells > IMPORT_LIMITS.columns) return -1;
      }
    }
    return end;
  }

  private endField(): void {
    if (this.fieldLength > 0 && this.column >= IMPORT_LIMITS.columns) {
      throw fileError('TOO_LARGE', { sheet: this.sheet, row: this.record },
        `the row has more than ${IMPORT_LIMITS.columns} columns (column ${this.column + 1} holds a value); a table has at most ${IMPORT_LIMITS.columns} fields`);
    }
    if (this.column >= MAX_FIELDS_PER_ROW) {
      throw fileError('TOO_LARGE', { sheet: this.sheet, row: this.record }, `the row has more than ${MAX_FIELDS_PER_ROW} cells, more than any spreadsheet`);
    }
    this.fieldLength = 0;
  }

  private endRecord(): void {
    this.endField();
    this.record++;
    this.column = 0;
    this.atFieldStart = true;
  }

  private cellTooLong(): never {
    throw fileError('TOO_LARGE', { sheet: this.sheet, row: this.record, column: this.columnName(this.column) },
      `the cell is longer than ${IMPORT_LIMITS.cellChars.toLocaleString('en')} characters, the most a cell may hold`);
  }
}
