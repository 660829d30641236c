/**
 * Text helpers shared by the reference evaluator, the sort comparator and the SQL compiler.
 * SQLite without ICU folds case for ASCII only (lower(), LIKE, COLLATE NOCASE), and compares
 * strings by UTF-8 bytes, which is Unicode code point order. These helpers reproduce exactly
 * that in JS so that a filter or sort gives the same rows on both sides.
 */

/** ASCII-only lower-casing: 'ÄB中' → 'Äb中', the same as SQLite's lower() and NOCASE. */
export function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text;
}

/**
 * Code point order (what SQLite's BINARY collation gives on UTF-8). JS `<` compares UTF-16
 * code units, which differs once astral characters (emoji, rare CJK) meet U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (0xD800–0xDFFF) encodes a code point above 0xFFFF, so it ranks above any BMP unit.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** COLLATE NOCASE order: ASCII folded, then code points. */
export function compareNoCase(a: string, b: string): number {
  return compareCodePoints(asciiLower(a), asciiLower(b));
}
