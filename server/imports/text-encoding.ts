import { AppError } from '../errors.ts';

/** The encodings a CSV arrives in: Excel's "CSV UTF-8", Unicode text, and GBK from Chinese Windows. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export interface DetectedEncoding {
  encoding: TextEncodingName;
  bom: boolean;
}

/**
 * Sniffs the first bytes of a text file. A BOM decides; otherwise text that decodes as
 * UTF-8 is UTF-8 (plain ASCII included), and anything else that decodes as GB18030 is
 * GB18030, which is a superset of GBK and GB2312 (what Excel on Chinese Windows writes).
 * `complete` says the sample is the whole file (else a character cut at its end is fine).
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const nul = sample.indexOf(0);
  if (nul >= 0) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `the file is neither a CSV text file nor an .xlsx workbook: byte ${nul + 1} is a NUL byte, which text never contains`, { byte: nul + 1 });
  }
  if (decodes(sample, 'utf-8', complete)) return { encoding: 'utf-8', bom: false };
  if (decodes(sample, 'gb18030', complete)) return { encoding: 'gb18030', bom: false };
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'the file is neither a CSV text file nor an .xlsx workbook: its bytes are not text in UTF-8, UTF-16 or GBK/GB18030', {});
}

/** Whether the bytes decode without error; an incomplete sample may end inside a character. */
function decodes(sample: Uint8Array, encoding: TextEncodingName, complete: boolean): boolean {
  // A multi-byte character is at most 4 bytes in both encodings.
  for (let cut = 0; cut <= (complete ? 0 : 3) && cut < sample.length; cut++) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch (error) {
      if (!(error instanceof TypeError)) throw error; // TypeError is how a fatal decoder says "invalid"
    }
  }
  return false;
}

/**
 * A streaming decoder for the detected encoding. Fatal, so that a file that changes
 * encoding after the sniffed part fails with a clear error instead of importing mojibake.
 * The BOM is dropped (ignoreBOM: false strips it).
 */
export function textDecoder(encoding: TextEncodingName): TextDecoder {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
}
