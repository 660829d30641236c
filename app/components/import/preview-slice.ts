/** Text files above this size are previewed from their start only. */
export const PREVIEW_BYTES = 2 * 1024 * 1024;

/**
 * How many bytes of a file the preview needs. The preview reads the top ~1,000 rows, so a
 * 500 MB CSV need not cross the network twice: text files are cut at the last line break
 * within the first 2 MB. An .xlsx (zip) is read from its end and must go whole; so must
 * UTF-16 text, where a newline byte may be half of a character.
 */
export function previewLength(head: Uint8Array, fileSize: number, limit = PREVIEW_BYTES): number {
  if (fileSize <= limit) return fileSize;
  const zip = head[0] === 0x50 && head[1] === 0x4b;
  const ole = head[0] === 0xd0 && head[1] === 0xcf;
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (zip || ole || utf16) return fileSize;
  // In UTF-8 and GBK alike a 0x0A byte is always a line feed, never part of a character.
  const end = head.subarray(0, limit).lastIndexOf(0x0a);
  return end > 0 ? end + 1 : fileSize;
}

/** The part of `file` to send to the preview route, keeping its name (the sheet's name comes from it). */
export async function previewPart(file: File): Promise<File> {
  if (file.size <= PREVIEW_BYTES) return file;
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const length = previewLength(head, file.size);
  return length === file.size ? file : new File([file.slice(0, length)], file.name, { type: file.type });
}
