/** What a cell's number format says its number is. */
export type NumberFormatKind =
  | { kind: 'number' }
  | { kind: 'text' }
  | { kind: 'percent' }
  | { kind: 'currency'; symbol: string }
  | { kind: 'date'; time: boolean };

// Built-in formats (ECMA-376 18.8.30, plus the CJK ids Excel writes for Chinese dates).
const BUILTIN: Record<number, NumberFormatKind> = {
  9: { kind: 'percent' }, 10: { kind: 'percent' },
  14: { kind: 'date', time: false }, 15: { kind: 'date', time: false }, 16: { kind: 'date', time: false }, 17: { kind: 'date', time: false },
  22: { kind: 'date', time: true },
  27: { kind: 'date', time: false }, 28: { kind: 'date', time: false }, 29: { kind: 'date', time: false }, 30: { kind: 'date', time: false },
  31: { kind: 'date', time: false }, 34: { kind: 'date', time: false }, 35: { kind: 'date', time: false }, 36: { kind: 'date', time: false },
  49: { kind: 'text' },
  50: { kind: 'date', time: false }, 51: { kind: 'date', time: false }, 52: { kind: 'date', time: false }, 53: { kind: 'date', time: false },
  54: { kind: 'date', time: false }, 57: { kind: 'date', time: false }, 58: { kind: 'date', time: false },
};
// 5–8 are the locale's currency; Chinese Excel shows ¥.
for (const id of [5, 6, 7, 8]) BUILTIN[id] = { kind: 'currency', symbol: '¥' };

const SYMBOLS = ['¥', '￥', '$', '€', '£', '₩', '₹', '元'];

/** Classifies a number format by id and, for custom ids, its format code. */
export function classifyNumberFormat(id: number, code: string | undefined): NumberFormatKind {
  if (code === undefined) return BUILTIN[id] ?? { kind: 'number' };
  // The first section is the positive format; quoted text and escapes are literal.
  const section = code.split(';')[0] ?? '';
  const bracketSymbol = /\[\$([^\]-]+)(?:-[0-9A-Fa-f]+)?\]/.exec(section)?.[1];
  const quoted = [...section.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '').join('');
  const symbol = [bracketSymbol ?? '', quoted, section].join(' ');
  const bare = section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '');
  if (bare.trim() === '@') return { kind: 'text' };
  if (bare.includes('%')) return { kind: 'percent' };
  const found = SYMBOLS.find((s) => symbol.includes(s)) ?? (bracketSymbol ? bracketSymbol.trim() : undefined);
  if (found && /[0#]/.test(bare)) return { kind: 'currency', symbol: found === '￥' ? '¥' : found };
  if (/[yd]/i.test(bare)) return { kind: 'date', time: /[hs]/i.test(bare) };
  if (/[hs]/i.test(bare) && /:/.test(bare)) return { kind: 'date', time: true };
  return { kind: 'number' };
}
