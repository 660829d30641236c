import type { ImportJob } from './import-types.ts';

// How far an import is and how long it has left, from the job's counters. Pure, unit-tested.

export interface ProgressSample {
  /** ms (performance.now() or Date.now(); only differences matter). */
  at: number;
  /** Work done in the unit of `progressOf`: rows when the total is known, else bytes. */
  done: number;
}

export interface Progress {
  unit: 'rows' | 'bytes';
  done: number;
  total: number;
  /** 0–100, whole; 100 only once the job has ended. */
  percent: number;
}

/**
 * Rows when the file said how many (.xlsx), else bytes read (a CSV's row count is unknown
 * until its end). A running job never shows 100%: the last batch and the end are still to come.
 */
export function progressOf(job: Pick<ImportJob, 'status' | 'rowsDone' | 'rowsTotal' | 'bytesDone' | 'bytesTotal'>): Progress {
  const byRows = job.rowsTotal !== undefined && job.rowsTotal > 0;
  const done = byRows ? job.rowsDone : job.bytesDone;
  const total = byRows ? job.rowsTotal! : job.bytesTotal;
  const ended = job.status === 'done';
  const raw = total > 0 ? Math.floor((done / total) * 100) : 0;
  return { unit: byRows ? 'rows' : 'bytes', done, total, percent: ended ? 100 : Math.max(0, Math.min(99, raw)) };
}

/** Samples older than this do not count for the rate: a slow start should not haunt the estimate. */
export const RATE_WINDOW_MS = 15_000;

/**
 * Time left in ms from the recent rate (the first and last samples inside the window), or
 * null while there is nothing to go on: fewer than two samples, no progress yet, or no
 * known total.
 */
export function timeLeftMs(samples: readonly ProgressSample[], total: number, windowMs = RATE_WINDOW_MS): number | null {
  if (samples.length < 2 || total <= 0) return null;
  const last = samples[samples.length - 1]!;
  const first = samples.find((sample) => last.at - sample.at <= windowMs) ?? last;
  const elapsed = last.at - first.at;
  const progressed = last.done - first.done;
  if (elapsed <= 0 || progressed <= 0) return null;
  const left = Math.max(0, total - last.done);
  return Math.round((left / progressed) * elapsed);
}

/** Adds a sample, dropping those no longer needed for the window (the list stays short). */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample, windowMs = RATE_WINDOW_MS): ProgressSample[] {
  const kept = samples.filter((s) => sample.at - s.at <= windowMs * 2 && s.done <= sample.done);
  return [...kept, sample];
}

/** A duration as the parts a person reads: "about 2 min", "12 s". */
export function durationParts(ms: number): { minutes: number; seconds: number } {
  const total = Math.max(1, Math.round(ms / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}
