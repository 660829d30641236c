/**
 * A file name as the person wrote it. Multipart parsers that read the filename parameter as
 * Latin-1 turn "客户.csv" (sent as UTF-8 bytes) into "å®¢æ·.csv"; such text, read back as
 * bytes, is valid UTF-8 — which real Latin-1 names ("café.csv", bytes E9 alone) almost
 * never are. Display only: the server's own spelling is what options must send back.
 */
export function repairFileName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(name, (char) => char.charCodeAt(0)));
  } catch {
    return name;
  }
}
