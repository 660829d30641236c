/**
 * Wall time ↔ UTC instant in an IANA zone with Intl alone, so the same code runs in the
 * browser and on the server without a time zone database of our own.
 */
export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

// Building a DateTimeFormat costs far more than using one; imports convert millions of cells.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's canonical name ("asia/shanghai" → "Asia/Shanghai"), or undefined if unknown. */
export function canonicalTimeZone(timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch (error) {
    if (error instanceof RangeError) return undefined; // Intl's way of saying "no such zone"
    throw error;
  }
}

/** Milliseconds since the epoch of a wall time read as UTC; years below 100 stay literal. */
export function wallTimeAsUtc(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

export function utcToWallTime(epochMs: number): WallTime {
  const d = new Date(epochMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** The wall time in `timeZone` at an instant. */
export function epochToWallTime(epochMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

// Zone offsets change only on quarter-hour boundaries, so one lookup per zone and quarter
// hour serves every instant in it; formatToParts is the slow part of date imports.
const QUARTER_HOUR = 900_000;
const offsetCache = new Map<string, number>();

/** Milliseconds the zone is ahead of UTC at an instant; whole seconds, as old LMT offsets have. */
function offsetMsAt(epochMs: number, timeZone: string): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR);
  const key = `${timeZone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR;
    offset = wallTimeAsUtc(epochToWallTime(start, timeZone)) - start;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** Minutes the zone is ahead of UTC at an instant (+480 for Asia/Shanghai). */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  return Math.round(offsetMsAt(epochMs, timeZone) / 60_000);
}

/**
 * The instant a wall time in `timeZone` names. Like Temporal's "compatible": a time that
 * occurs twice (clocks going back) is the earlier instant, and a time skipped by clocks
 * going forward is moved forward by the gap (02:30 → 03:30).
 */
export function wallTimeToEpoch(wall: WallTime, timeZone: string): number {
  const asUtc = wallTimeAsUtc(wall);
  const day = 86_400_000;
  const before = offsetMsAt(asUtc - day, timeZone);
  const after = offsetMsAt(asUtc + day, timeZone);
  const candidates = [before, after]
    .map((offset) => asUtc - offset)
    .filter((epoch) => epoch + offsetMsAt(epoch, timeZone) === asUtc)
    .sort((a, b) => a - b);
  return candidates[0] ?? asUtc - before;
}
