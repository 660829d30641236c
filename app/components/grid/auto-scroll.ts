/**
 * Auto-scroll while a drag (the fill handle, a range selection) is held at an edge of the
 * grid, as spreadsheets do: the pure speed rule, and the frame loop that applies it.
 */

/** A rectangle in client pixels. */
export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Where rows and columns scroll: below the header, above the summary bar, right of the
 * frozen columns, left of the scrollbar. `pinnedFrom` is where the frozen columns start
 * (the grid's left edge): a pointer over them is not past any edge (they stay put, and a
 * range inside the primary column must not scroll the others away).
 */
export interface ScrollArea extends Rect {
  pinnedFrom: number;
}

/** Pixels inside an edge where scrolling starts, slowly, before the pointer even leaves. */
export const EDGE_ZONE = 16;
/** Pixels per second at the zone's inner line. */
const MIN_SPEED = 60;
/**
 * Every pixel deeper adds this much speed: 75px past the bottom edge (about as far as the
 * window goes below the grid) is ~1.9k px/s, ~55 short rows a second.
 */
const SPEED_PER_PX = 20;
/** The cap: ~150 short rows a second, about what the row blocks can load. */
export const MAX_SPEED = 5000;
/** A frame longer than this (a busy tab) scrolls as if it were this long, not in one jump. */
const MAX_FRAME_MS = 50;

/** Scroll speed along one axis in px/s for a pointer at `at`: negative toward `start`, 0 between the zones. */
export function edgeSpeed(at: number, start: number, end: number): number {
  // A short viewport keeps room between its two zones, so some middle never scrolls.
  const zone = Math.max(0, Math.min(EDGE_ZONE, (end - start) / 3));
  const beforeStart = start + zone - at;
  if (beforeStart > 0) return -speedFor(beforeStart);
  const pastEnd = at - (end - zone);
  if (pastEnd > 0) return speedFor(pastEnd);
  return 0;
}

function speedFor(depth: number): number {
  return Math.min(MAX_SPEED, MIN_SPEED + SPEED_PER_PX * depth);
}

/**
 * The scroll velocity (px/s) for a pointer against the area. Over the frozen columns the
 * horizontal speed is 0; left of the grid it counts from the grid's edge, as if the frozen
 * columns took no room.
 */
export function edgeVelocity(pointer: Point, area: ScrollArea): Point {
  let x = pointer.x;
  if (x < area.left && x >= area.pinnedFrom) x = area.left + EDGE_ZONE;
  else if (x < area.pinnedFrom) x = area.left - (area.pinnedFrom - x);
  return { x: edgeSpeed(x, area.left, area.right), y: edgeSpeed(pointer.y, area.top, area.bottom) };
}

/** The point moved `inset` pixels inside the rectangle if it is outside: where a pointer beyond the grid points. */
export function clampInto(point: Point, rect: Rect, inset = 2): Point {
  const clamp = (value: number, low: number, high: number) => (low > high ? (low + high) / 2 : Math.min(high, Math.max(low, value)));
  return { x: clamp(point.x, rect.left + inset, rect.right - inset), y: clamp(point.y, rect.top + inset, rect.bottom - inset) };
}

/** Whole pixels to scroll this frame, carrying the fraction to the next (scroll offsets are whole). */
export function frameStep(speed: number, ms: number, carry: number): { step: number; carry: number } {
  const exact = (speed * Math.min(ms, MAX_FRAME_MS)) / 1000 + carry;
  const step = Math.trunc(exact);
  return { step, carry: exact - step };
}

export interface AutoScrollTarget {
  /** The element that scrolls (ag-grid 36's `.ag-grid-viewport`, rows and columns both). */
  viewport(): HTMLElement | null;
  /** The scroll area now (it moves if the page scrolls or the window resizes). */
  area(): ScrollArea | undefined;
  /** Once a frame while the pointer is in a zone: re-aims the drag at what is under the pointer now. */
  follow(pointer: Point): void;
}

/**
 * The frame loop of one drag: while the pointer is in an edge zone it scrolls the viewport
 * by the speed for that frame and lets the drag follow the cell under the (maybe unmoved)
 * pointer; it idles when the pointer comes back and ends with `stop`. The viewport's own
 * scroll (ag-grid's scroll listener) draws the rows and asks for unloaded blocks.
 */
export class AutoScroll {
  private pointer: Point | undefined;
  private frame: number | undefined;
  private last = 0;
  private carry = { x: 0, y: 0 };

  constructor(private readonly target: AutoScrollTarget) {}

  /** The pointer moved (or the drag began): scrolls from the next frame if it is in a zone. */
  move(pointer: Point): void {
    this.pointer = pointer;
    if (this.frame === undefined) {
      this.last = performance.now();
      this.frame = requestAnimationFrame(this.tick);
    }
  }

  stop(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.pointer = undefined;
    this.carry = { x: 0, y: 0 };
  }

  private readonly tick = (now: number): void => {
    this.frame = undefined;
    const pointer = this.pointer;
    const area = this.target.area();
    const viewport = this.target.viewport();
    if (!pointer || !area || !viewport) return;
    const ms = now - this.last;
    this.last = now;
    const velocity = edgeVelocity(pointer, area);
    if (!velocity.x && !velocity.y) {
      // Back inside: idle until the pointer moves again.
      this.carry = { x: 0, y: 0 };
      return;
    }
    // What the last frame's scroll brought under the pointer (ag-grid has drawn it by now).
    this.target.follow(pointer);
    const y = frameStep(velocity.y, ms, this.carry.y);
    const x = frameStep(velocity.x, ms, this.carry.x);
    this.carry = { x: x.carry, y: y.carry };
    if (y.step) viewport.scrollTop += y.step;
    if (x.step) viewport.scrollLeft += x.step;
    this.frame = requestAnimationFrame(this.tick);
  };
}
