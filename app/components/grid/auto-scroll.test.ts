import { describe, expect, it } from 'vitest';
import { clampInto, EDGE_ZONE, edgeSpeed, edgeVelocity, frameStep, MAX_SPEED, type ScrollArea } from './auto-scroll.ts';

// Rows scroll between y 200 and 700, columns between x 500 (right of the frozen columns,
// which start at 220) and 1260.
const area: ScrollArea = { top: 200, bottom: 700, left: 500, right: 1260, pinnedFrom: 220 };

describe('edgeSpeed', () => {
  it('is 0 between the edge zones', () => {
    expect(edgeSpeed(450, 200, 700)).toBe(0);
    expect(edgeSpeed(200 + EDGE_ZONE, 200, 700)).toBe(0);
    expect(edgeSpeed(700 - EDGE_ZONE, 200, 700)).toBe(0);
  });

  it('starts inside the zone, toward the near edge', () => {
    expect(edgeSpeed(700 - EDGE_ZONE + 1, 200, 700)).toBeGreaterThan(0);
    expect(edgeSpeed(200 + EDGE_ZONE - 1, 200, 700)).toBeLessThan(0);
  });

  it('grows with the distance past the edge, the same both ways, up to a cap', () => {
    const speeds = [0, 10, 50, 100, 200].map((past) => edgeSpeed(700 + past, 200, 700));
    for (let i = 1; i < speeds.length; i++) expect(speeds[i]).toBeGreaterThan(speeds[i - 1]!);
    expect(edgeSpeed(200 - 50, 200, 700)).toBe(-edgeSpeed(700 + 50, 200, 700));
    expect(edgeSpeed(100_000, 200, 700)).toBe(MAX_SPEED);
    expect(edgeSpeed(-100_000, 200, 700)).toBe(-MAX_SPEED);
  });

  it('keeps a still middle in a viewport shorter than two zones', () => {
    expect(edgeSpeed(215, 200, 230)).toBe(0);
    expect(edgeSpeed(229, 200, 230)).toBeGreaterThan(0);
    expect(edgeSpeed(201, 200, 230)).toBeLessThan(0);
  });
});

describe('edgeVelocity', () => {
  it('scrolls down below the rows and up over the header', () => {
    expect(edgeVelocity({ x: 800, y: 760 }, area)).toEqual({ x: 0, y: edgeSpeed(760, 200, 700) });
    expect(edgeVelocity({ x: 800, y: 180 }, area).y).toBeLessThan(0);
  });

  it('scrolls right past the right edge, diagonally at a corner', () => {
    const v = edgeVelocity({ x: 1300, y: 750 }, area);
    expect(v.x).toBeGreaterThan(0);
    expect(v.y).toBeGreaterThan(0);
  });

  it('does not scroll sideways over the frozen columns, and counts left of the grid from its edge', () => {
    expect(edgeVelocity({ x: 300, y: 450 }, area)).toEqual({ x: 0, y: 0 });
    expect(edgeVelocity({ x: 219, y: 450 }, area).x).toBeLessThan(0);
    expect(edgeVelocity({ x: 120, y: 450 }, area).x).toBe(edgeSpeed(500 - 100, 500, 1260));
    // Just right of the frozen columns is the left zone.
    expect(edgeVelocity({ x: 505, y: 450 }, area).x).toBeLessThan(0);
  });
});

describe('clampInto', () => {
  const rect = { top: 200, bottom: 700, left: 292, right: 1260 };
  it('moves a point outside just inside, and leaves one inside alone', () => {
    expect(clampInto({ x: 800, y: 900 }, rect)).toEqual({ x: 800, y: 698 });
    expect(clampInto({ x: 0, y: 100 }, rect)).toEqual({ x: 294, y: 202 });
    expect(clampInto({ x: 600, y: 400 }, rect)).toEqual({ x: 600, y: 400 });
  });
});

describe('frameStep', () => {
  it('scrolls whole pixels and carries the fraction', () => {
    const first = frameStep(100, 16, 0);
    expect(first.step).toBe(1);
    expect(first.carry).toBeCloseTo(0.6);
    const second = frameStep(100, 16, first.carry);
    expect(second.step).toBe(2);
    expect(second.carry).toBeCloseTo(0.2);
    expect(frameStep(-100, 16, 0).step).toBe(-1);
  });

  it('treats a long pause as a short frame, so a busy tab does not jump', () => {
    expect(frameStep(1000, 2000, 0).step).toBe(50);
  });
});
