import { choicesOf } from './choice-list.ts';
import { displayValue, type DisplayEnv } from './format-value.ts';
import type { ConversionPreview, ConversionReport, FieldJson } from './types.ts';

export interface SampleRow {
  recordId: string;
  before: string;
  /** Empty when the value cannot convert (`failed`). */
  after: string;
  failed: boolean;
}

export interface ConversionSummary {
  converted: number;
  failed: number;
  /** Nothing in the column: the change is safe, say so instead of showing an empty table. */
  nothingToConvert: boolean;
  rows: SampleRow[];
  /** Choices the server will add from existing values (text → select). */
  addedChoices: string[];
}

/**
 * The preview as the dialog shows it: "N values convert, M cannot", and before → after
 * samples, each side formatted by its own field (the old one, the one it will be).
 */
export function summarizePreview(preview: ConversionPreview, source: FieldJson, requested: Record<string, unknown>, env: DisplayEnv): ConversionSummary {
  const { conversion, samples, field: target } = preview;
  const rows = samples.map((sample): SampleRow => {
    const failed = sample.after === null || sample.after === undefined;
    return {
      recordId: sample.recordId,
      before: displayValue(source, sample.before, env),
      after: failed ? '' : displayValue(target, sample.after, env),
      failed,
    };
  });
  const asked = new Set(choicesOf(requested).map((choice) => choice.name.trim()));
  return {
    converted: conversion.converted,
    failed: conversion.failedCount,
    nothingToConvert: conversion.converted === 0 && conversion.failedCount === 0,
    rows,
    addedChoices: choicesOf(target.options).map((choice) => choice.name).filter((name) => !asked.has(name)),
  };
}

export interface FailureRow {
  recordId: string;
  value: string;
  reason: string;
}

/** What a saved conversion could not keep, for the result step. */
export function failureRows(report: ConversionReport, source: FieldJson, env: DisplayEnv): { rows: FailureRow[]; more: number } {
  const rows = report.failed.map((failure) => ({ recordId: failure.recordId, value: displayValue(source, failure.value, env), reason: failure.reason }));
  return { rows, more: Math.max(0, report.failedCount - rows.length) };
}
