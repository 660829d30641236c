/** A byte count for people: "812 KB", "3.4 MB", in the reader's number format. */
export function formatBytes(bytes: number, locale: string): string {
  const units = [['byte', 1], ['kilobyte', 1024], ['megabyte', 1024 ** 2], ['gigabyte', 1024 ** 3]] as const;
  let [unit, size] = units[0] as readonly [string, number];
  for (const [name, factor] of units) if (bytes >= factor) [unit, size] = [name, factor];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: size === 1 ? 0 : 1 }).format(bytes / size);
}
