import { isAppError, rowToRecord, type ArrayEntry, type ArrayMapping, type RowContext } from '@svod/core';
import type { ArrayRow } from '../readers/index.ts';
import { assertRecordRules, type RecordValidators } from '../../validation/records.ts';
import type { InvalidRow } from './messages.ts';

/**
 * One row of an array as a record the bank would take, or why not: the mapping's issues, then the
 * schema's and the record rules' (a date in the future, a VIN's check digit).
 */
export function rowEntry(
  { row, cells }: ArrayRow,
  mapping: ArrayMapping,
  context: RowContext,
  validators: RecordValidators,
): { entry: ArrayEntry } | { invalid: InvalidRow } {
  const made = rowToRecord(cells, mapping, context);
  const invalid = (issues: unknown[]): { invalid: InvalidRow } => {
    const nationalRef = referenceOf(cells, mapping);
    return { invalid: { row, issues, ...(nationalRef ? { nationalRef } : {}) } };
  };
  if ('issues' in made) return invalid(made.issues);
  try {
    const record = validators.input(made.record);
    assertRecordRules(record.category, record);
    return { entry: { row, record, carried: made.carried } };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return invalid(error.issues);
  }
}

/** The reference a row gives, even when the row makes no record. */
function referenceOf(cells: Record<string, string>, mapping: ArrayMapping): string | undefined {
  for (const [column, field] of Object.entries(mapping)) if (field === 'nationalRef') return cells[column]?.trim() || undefined;
  return undefined;
}
