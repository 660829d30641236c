import { describe, expect, it } from 'vitest';
import { cellNeedsWork, isCleanRun, textRuns } from './csv-runs.ts';
import { guardedCsvCell } from './csv-text.ts';
import { FORMULA_TRIGGERS, neutralize } from './neutralize.ts';
import { seeded as random } from '../../tests/support/seeded-random.ts';

// isCleanRun must say "clean" exactly when every cell's CSV text is the cell itself, so that
// a joined row used as it is equals the cells formatted one by one.

describe('isCleanRun', () => {
  it('agrees with formatting the cells one by one, on random cells', () => {
    const next = random(5);
    const pieces = ['a', '杭州', ' ', ',', '"', '\n', '\r', '\t', '=', '+', '-', '@', "'", '😀', ''];
    for (let round = 0; round < 20_000; round++) {
      const cells = Array.from({ length: 1 + Math.floor(next() * 5) }, () => {
        let text = '';
        for (let i = Math.floor(next() * 4); i > 0; i--) text += pieces[Math.floor(next() * pieces.length)];
        return text;
      });
      const joined = cells.join(',');
      const asFormatted = cells.map(guardedCsvCell).join(',');
      expect(isCleanRun(joined, cells.length), JSON.stringify(cells)).toBe(asFormatted === joined);
    }
  });

  it('refuses a comma inside a cell even when the text looks like fewer cells', () => {
    expect(isCleanRun('a,b', 2)).toBe(true);
    expect(isCleanRun('a,b,c', 2)).toBe(false);
    expect(isCleanRun(',', 2)).toBe(true); // two empty cells
    expect(isCleanRun('', 1)).toBe(true);
    expect(isCleanRun('x,=1', 2)).toBe(false);
    expect(isCleanRun('x,', 2)).toBe(true);
  });

  it('knows the same formula triggers as neutralize', () => {
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit);
      expect(FORMULA_TRIGGERS.includes(char), `U+${unit.toString(16)}`).toBe(neutralize(`${char}x`) !== `${char}x`);
    }
  });
});

describe('cellNeedsWork', () => {
  it("is false for NULL and text that needs nothing, true for text that does and for anything that is not text", () => {
    expect(cellNeedsWork(null)).toBe(false);
    expect(cellNeedsWork('plain 杭州')).toBe(false);
    expect(cellNeedsWork('a,b')).toBe(true);
    expect(cellNeedsWork('=1')).toBe(true);
    expect(cellNeedsWork(12.5)).toBe(true);
  });
});

describe('textRuns', () => {
  it('groups two or more adjacent allowed fields', () => {
    expect(textRuns([true, true, false, true, false, true, true, true])).toEqual([{ first: 0, count: 2 }, { first: 5, count: 3 }]);
    expect(textRuns([true, false, true])).toEqual([]);
    expect(textRuns([])).toEqual([]);
  });
});
