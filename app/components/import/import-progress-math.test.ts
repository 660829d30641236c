import { describe, expect, it } from 'vitest';
import { addSample, durationParts, progressOf, timeLeftMs } from './import-progress-math.ts';

const job = { status: 'running' as const, rowsDone: 0, bytesDone: 0, bytesTotal: 1000 };

describe('import progress', () => {
  it('counts rows when the total is known, else bytes, and never shows 100% before the end', () => {
    expect(progressOf({ ...job, rowsDone: 250, rowsTotal: 1000 })).toEqual({ unit: 'rows', done: 250, total: 1000, percent: 25 });
    expect(progressOf({ ...job, rowsDone: 5000, bytesDone: 400 })).toEqual({ unit: 'bytes', done: 400, total: 1000, percent: 40 });
    expect(progressOf({ ...job, bytesDone: 1000 }).percent).toBe(99);
    expect(progressOf({ ...job, status: 'done', bytesDone: 1000 }).percent).toBe(100);
    expect(progressOf({ ...job, bytesTotal: 0 }).percent).toBe(0);
  });

  it('estimates time left from the recent rate', () => {
    // 100 units per second; 600 left → 6 s.
    const samples = [{ at: 0, done: 100 }, { at: 1000, done: 200 }, { at: 4000, done: 400 }];
    expect(timeLeftMs(samples, 1000)).toBe(Math.round((600 / 300) * 4000));
    expect(timeLeftMs([{ at: 0, done: 0 }, { at: 2000, done: 500 }], 1000)).toBe(2000);
  });

  it('has no estimate without two samples, without progress, or without a total', () => {
    expect(timeLeftMs([], 1000)).toBeNull();
    expect(timeLeftMs([{ at: 0, done: 10 }], 1000)).toBeNull();
    expect(timeLeftMs([{ at: 0, done: 10 }, { at: 1000, done: 10 }], 1000)).toBeNull();
    expect(timeLeftMs([{ at: 0, done: 10 }, { at: 1000, done: 20 }], 0)).toBeNull();
  });

  it('forgets a slow start: only the window counts', () => {
    const samples = [{ at: 0, done: 0 }, { at: 60_000, done: 10 }, { at: 61_000, done: 110 }];
    expect(timeLeftMs(samples, 1110, 15_000)).toBe(10_000);
  });

  it('keeps the sample list short', () => {
    let samples = addSample([], { at: 0, done: 0 });
    for (let at = 400; at <= 120_000; at += 400) samples = addSample(samples, { at, done: at }, 15_000);
    expect(samples.length).toBeLessThanOrEqual(76);
    expect(samples[samples.length - 1]).toEqual({ at: 120_000, done: 120_000 });
  });

  it('splits a duration into minutes and seconds, at least one second', () => {
    expect(durationParts(125_400)).toEqual({ minutes: 2, seconds: 5 });
    expect(durationParts(10)).toEqual({ minutes: 0, seconds: 1 });
  });
});
