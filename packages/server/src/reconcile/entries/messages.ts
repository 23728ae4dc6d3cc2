import type { ArrayEntry, ArrayMapping, Domain, DuplicateEntry, LinkModel, RowContext } from '@svod/core';
import type { ArrayFormat } from '../readers/index.ts';
import type { ArrayReadErrorCode } from '../readers/errors.ts';

/** A row that made no valid record: its issues, and the reference it names, if any (its record in the bank is not stale). */
export interface InvalidRow {
  row: number;
  issues: unknown[];
  nationalRef?: string;
}

/** What the reading thread says, in order: the file opened (or failed), batches of rows, the end. */
export type FromReader =
  | { kind: 'opened'; format: ArrayFormat; encoding: string; headers: string[] }
  | { kind: 'rows'; entries: ArrayEntry[]; invalid: InvalidRow[]; rowsRead: number }
  | { kind: 'end'; rows: number; sameSubjects: DuplicateEntry[] }
  | { kind: 'failed'; error: { code: ArrayReadErrorCode; message: string; row?: number; column?: string; line?: number } };

/**
 * What the reading thread is told: open a file, read its rows with this mapping, or that a batch
 * was taken (room for another). A thread reads one file at a time, and the next once told.
 */
export type ToReader =
  | { kind: 'open'; path: string }
  | { kind: 'read'; mapping: ArrayMapping; context: RowContext; models: Partial<Record<Domain, LinkModel>> }
  | { kind: 'taken' };
