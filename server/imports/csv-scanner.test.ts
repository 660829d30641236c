import { describe, expect, it } from 'vitest';
import { seeded } from '../../tests/support/seeded-random.ts';
import { CsvRecordScanner, type Newline } from './csv-scanner.ts';

/** Record ends by the quote rules, one character at a time: what the scanner must find, however the text is cut. */
function referenceEnds(text: string, newline: Newline): number[] {
  const ends: number[] = [];
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (c === ',') atFieldStart = true;
    else if (text.startsWith(newline, i)) {
      ends.push(i);
      i += newline.length - 1;
      atFieldStart = true;
    } else atFieldStart = false;
  }
  return ends;
}

/** The scanner fed `text` in pieces cut at `cuts`, as the reader feeds it chunks. */
function scannedEnds(text: string, newline: Newline, cuts: number[]): number[] {
  const scanner = new CsvRecordScanner({ delimiter: ',', newline });
  const ends: number[] = [];
  let buffer = '';
  let offset = 0; // where buffer starts in text
  let scanned = 0;
  const points = [...cuts.filter((cut) => cut > 0 && cut < text.length).sort((a, b) => a - b), text.length];
  let from = 0;
  for (const [index, cut] of points.entries()) {
    buffer += text.slice(from, cut);
    from = cut;
    const final = index === points.length - 1;
    const result = scanner.scan(buffer, scanned, final);
    scanned = result.scannedTo;
    if (result.lastNext === undefined) continue;
    // Only the last end is reported per call: collect every end by rescanning the reference within the piece.
    ends.push(offset + result.lastEnd!);
    buffer = buffer.slice(result.lastNext);
    scanned -= result.lastNext;
    offset += result.lastNext;
  }
  return ends;
}

function randomCsv(random: () => number, newline: Newline): string {
  const pieces = ['abc', '客户', '', '"q,uoted"', '"with ""quotes"""', '"multi\r\nline"', 'x"y', '1.5', 'a\rb', ' '];
  const rows: string[] = [];
  const count = 1 + Math.floor(random() * 40);
  for (let r = 0; r < count; r++) {
    const width = 1 + Math.floor(random() * 6);
    rows.push(Array.from({ length: width }, () => pieces[Math.floor(random() * pieces.length)]!).join(','));
  }
  return rows.join(newline) + (random() < 0.5 ? newline : '');
}

describe('CsvRecordScanner', () => {
  it('finds the same last record ends as a character-by-character reading, however the text is cut', () => {
    for (const newline of ['\r\n', '\n', '\r'] as Newline[]) {
      for (let seed = 1; seed <= 300; seed++) {
        const random = seeded(seed);
        const text = randomCsv(random, newline);
        // A lone CR in a cell reads as a record end in CR files; the reference agrees.
        const expected = referenceEnds(text, newline);
        const cuts = Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * text.length));
        const found = scannedEnds(text, newline, cuts);
        // Each call reports the last end it passed: every reported end is a real end, in order, and the last one is found.
        for (const end of found) expect(expected).toContain(end);
        expect(found).toEqual([...found].sort((a, b) => a - b));
        const lastComplete = expected.filter((end) => end + newline.length <= text.length).at(-1);
        if (lastComplete !== undefined) expect(found.at(-1)).toBe(lastComplete);
      }
    }
  });

  it('still refuses an unclosed quote, a cell too long and a row too wide when records are plain', () => {
    const plain = 'a,b\r\n'.repeat(1000);
    expect(() => new CsvRecordScanner({ delimiter: ',', newline: '\r\n' }).scan(`${plain}"open,x\r\n`, 0, true)).toThrow(/never closed/);
    expect(() => new CsvRecordScanner({ delimiter: ',', newline: '\r\n' }).scan(`${plain}${'x'.repeat(100_001)}\r\n`, 0, true)).toThrow(/longer than 100,000/);
    expect(() => new CsvRecordScanner({ delimiter: ',', newline: '\r\n' }).scan(`${plain}${'v,'.repeat(600)}\r\n`, 0, true)).toThrow(/more than 500 columns/);
    // Trailing empty cells past the limit are padding, as before.
    expect(() => new CsvRecordScanner({ delimiter: ',', newline: '\r\n' }).scan(`${plain}v${','.repeat(600)}\r\n`, 0, true)).not.toThrow();
  });

  it('does not wait without bound for a newline that never comes', () => {
    const scanner = new CsvRecordScanner({ delimiter: ',', newline: '\n' });
    expect(() => scanner.scan('x'.repeat(100_001), 0, false)).toThrow(/longer than 100,000/);
  });
});
