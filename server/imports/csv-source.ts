import fs from 'node:fs';
import Papa from 'papaparse';
import { AppError } from '../errors.ts';
import { CsvRecordScanner, type Newline } from './csv-scanner.ts';
import { fileError } from './import-error.ts';
import { SNIFF_BYTES } from './limits.ts';
import type { CsvInfo, ImportSource, SheetReader, SourceRow } from './source.ts';
import { detectEncoding, textDecoder } from './text-encoding.ts';

const DELIMITERS = [',', '\t', ';', '|'];
const READ_CHUNK = 1024 * 1024;
/** Characters papaparse parses at a time (see csvReader). */
const PARSE_WINDOW = 64 * 1024;

/** Opens a CSV upload: sniffs encoding, newline and delimiter from its first bytes. */
export async function openCsvSource(path: string, sheetName: string): Promise<ImportSource> {
  const { size } = await fs.promises.stat(path);
  const sample = await readStart(path, SNIFF_BYTES);
  const detected = detectEncoding(sample, sample.length >= size);
  const text = new TextDecoder(detected.encoding).decode(sample);
  const newline = detectNewline(text);
  const info: CsvInfo = { ...detected, newline, delimiter: detectDelimiter(text, newline) };
  return {
    format: 'csv',
    csv: info,
    sheets: [{ name: sheetName, hidden: false, hiddenColumns: [] }],
    bytesTotal: size,
    // A CSV's one sheet is not named in errors: the file is the sheet.
    openSheet: () => csvReader(path, info),
    close() {},
  };
}

async function readStart(path: string, bytes: number): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Excel writes CRLF; files from Macs and scripts use LF; classic Mac CR alone. */
function detectNewline(text: string): Newline {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  const cr = text.split('\r').length - 1 - crlf;
  if (crlf > 0 && crlf >= lf && crlf >= cr) return '\r\n';
  return cr > lf ? '\r' : '\n';
}

/** papaparse's guess (the delimiter giving the most consistent column counts) among the four in use. */
function detectDelimiter(text: string, newline: Newline): string {
  const lastBreak = text.lastIndexOf(newline);
  const complete = lastBreak > 0 ? text.slice(0, lastBreak) : text;
  const guess = Papa.parse<string[]>(complete, { delimitersToGuess: DELIMITERS, newline, preview: 50, skipEmptyLines: true });
  return DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
}

/**
 * Streams records: bytes → decoder → the scanner finds complete records → papaparse parses
 * them. Only one read chunk (1 MB) plus one unfinished record is ever in memory. Each chunk
 * is parsed in windows of about 64K characters: papaparse's rows for one window are coerced
 * and dropped before the next is parsed, so they die young (reading in 64 KB chunks instead
 * made every read cost ~0.5 ms in the worker).
 */
function csvReader(path: string, info: CsvInfo): SheetReader {
  let bytes = 0;
  const stream = fs.createReadStream(path, { highWaterMark: READ_CHUNK });
  const scanner = new CsvRecordScanner(info);
  return {
    bytesRead: () => bytes,
    close: () => stream.destroy(),
    async *rows() {
      const decoder = textDecoder(info.encoding);
      let buffer = '';
      let scanned = 0;
      let nextRow = 1;
      const parse = (text: string): SourceRow[] => {
        const rows = parseRecords(text, info, nextRow);
        nextRow += rows.count;
        return rows.rows;
      };
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const at = bytes;
        bytes += chunk.length;
        buffer += decode(decoder, chunk, info, at);
        // Where the text not yet parsed starts.
        let start = 0;
        for (;;) {
          const limit = Math.min(buffer.length, scanned + PARSE_WINDOW);
          let result = scanner.scan(limit === buffer.length ? buffer : buffer.slice(0, limit), scanned, false);
          // No record ends inside the window (a very long one): scan the rest of the chunk.
          if (result.lastNext === undefined && limit < buffer.length) result = scanner.scan(buffer, result.scannedTo, false);
          scanned = result.scannedTo;
          if (result.lastNext === undefined) break;
          const rows = parse(buffer.slice(start, result.lastEnd));
          start = result.lastNext;
          yield rows;
          if (scanned >= buffer.length) break;
        }
        buffer = buffer.slice(start);
        scanned -= start;
      }
      buffer += decode(decoder, undefined, info, bytes);
      scanner.scan(buffer, scanned, true);
      if (buffer.endsWith(info.newline)) buffer = buffer.slice(0, -info.newline.length);
      if (buffer !== '') yield parse(buffer);
    },
  };
}

function decode(decoder: TextDecoder, chunk: Buffer | undefined, info: CsvInfo, at: number): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error; // a fatal decoder's "invalid bytes"
    throw new AppError('INVALID_REQUEST', `the file is not valid ${info.encoding} text after byte ${at.toLocaleString('en')}: it changes encoding or is damaged there`, { byte: at });
  }
}

/** Complete records → rows numbered from `firstRow`; rows of only empty cells are counted, not returned. */
function parseRecords(text: string, info: CsvInfo, firstRow: number): { rows: SourceRow[]; count: number } {
  const parsed = Papa.parse<string[]>(text, { delimiter: info.delimiter, newline: info.newline, quoteChar: '"', skipEmptyLines: false });
  const problem = parsed.errors[0];
  if (problem) {
    const row = firstRow + (problem.row ?? 0);
    throw fileError('INVALID_REQUEST', { row }, `the CSV is malformed: ${problem.message}`);
  }
  const rows: SourceRow[] = [];
  parsed.data.forEach((cells, index) => {
    if (cells.some((cell) => cell !== '')) rows.push({ row: firstRow + index, cells });
  });
  return { rows, count: parsed.data.length };
}
