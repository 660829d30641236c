import iconv from 'iconv-lite';

interface Tables {
  /** GBK's 2-byte code of a BMP code unit (lead byte high), 0 if it has none. */
  double: Uint16Array;
  /** GB18030's 4-byte code of the other BMP code units, 0 for ASCII, GBK and surrogates. */
  quad: Uint32Array;
}

/**
 * The GB18030 bytes of every BMP code unit except surrogates, taken from iconv-lite itself
 * so that the mapping is exactly the one it writes. Built on first use (about 70 ms,
 * 384 KB) and kept.
 */
let tables: Tables | undefined;

function bmpTables(): Tables {
  if (tables) return tables;
  const double = new Uint16Array(0x10000);
  const quad = new Uint32Array(0x10000);
  for (let unit = 0x80; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit < 0xe000) continue; // only meaningful in pairs: left to iconv-lite
    const bytes = iconv.encode(String.fromCharCode(unit), 'gb18030');
    if (bytes.length === 2) double[unit] = (bytes[0]! << 8) | bytes[1]!;
    else if (bytes.length === 4) quad[unit] = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    // Any other length (none in iconv-lite 0.7) stays 0 and is left to iconv-lite.
  }
  return (tables = { double, quad });
}

/** Room for the largest chunk seen, reused: the encoded bytes are copied out at their size. */
let scratch = new Uint8Array(0);

/**
 * `iconv.encode(text, 'gb18030')`, byte for byte, in a fraction of the time: ASCII is copied,
 * every other BMP code unit is one table look-up (iconv-lite walks two-level tables and
 * keeps surrogate state per character). Surrogates (emoji, rare name characters beyond the
 * BMP) go through iconv-lite a run at a time, so a lone half becomes "?" exactly as there.
 */
export function encodeGb18030(text: string): Buffer {
  const { double, quad } = bmpTables();
  const length = text.length;
  // At most 4 bytes per code unit (a 4-byte BMP character; a pair is 4 bytes for 2 units).
  if (scratch.length < length * 4) scratch = new Uint8Array(length * 4);
  const out = scratch;
  let at = 0;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      out[at++] = unit;
      continue;
    }
    const code = double[unit]!;
    if (code !== 0) {
      out[at] = code >>> 8;
      out[at + 1] = code & 0xff;
      at += 2;
      continue;
    }
    const long = quad[unit]!;
    if (long !== 0) {
      out[at] = long >>> 24;
      out[at + 1] = (long >>> 16) & 0xff;
      out[at + 2] = (long >>> 8) & 0xff;
      out[at + 3] = long & 0xff;
      at += 4;
      continue;
    }
    let end = i + 1;
    while (end < length && unmapped(text.charCodeAt(end), double, quad)) end++;
    const bytes = iconv.encode(text.slice(i, end), 'gb18030');
    out.set(bytes, at);
    at += bytes.length;
    i = end - 1;
  }
  return Buffer.copyBytesFrom(out, 0, at);
}

function unmapped(unit: number, double: Uint16Array, quad: Uint32Array): boolean {
  return unit >= 0x80 && double[unit] === 0 && quad[unit] === 0;
}
