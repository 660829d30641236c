import { cellText } from './cell-input.ts';
import { columnLetter } from './import-error.ts';
import { isEmptyCell, type SourceRow } from './source.ts';

/**
 * The header is the first row that looks like one: at least 60% as many filled cells as the
 * widest row near the top, all of them text, none repeated. Title rows above it ("2025年客户
 * 联系人表" in a merged cell) and notes have too few cells; a data row has numbers or dates.
 * Returns the index in `rows`, 0 when nothing qualifies.
 */
export function detectHeaderRow(rows: readonly SourceRow[]): number {
  const filled = rows.map((row) => row.cells.filter((cell) => !isEmptyCell(cell)));
  const widest = Math.max(0, ...filled.map((cells) => cells.length));
  const least = widest <= 1 ? 1 : Math.max(2, Math.ceil(widest * 0.6));
  const index = filled.findIndex((cells) => {
    if (cells.length < least || !cells.every((cell) => typeof cell === 'string')) return false;
    const names = cells.map((cell) => (cell as string).trim());
    return new Set(names).size === names.length;
  });
  return Math.max(0, index);
}

const MAX_NAME = 100;

/**
 * Field names from the header's cells: trimmed, one line, at most 100 characters; an empty
 * header is "Column C" (its letter) and a repeated one gets " (2)", as names must be unique.
 */
export function columnNames(header: SourceRow | undefined, width: number): string[] {
  const names: string[] = [];
  const taken = new Set<string>();
  for (let index = 0; index < width; index++) {
    const raw = header ? cellText(header.cells[index] ?? null) : '';
    let name = raw.replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME) || `Column ${columnLetter(index)}`;
    const base = name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, MAX_NAME - 5)} (${n})`;
    taken.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}
