import type { ArrayMapping } from '@svod/core';
import type { Db, ReconciliationStatus, Tx } from '../db/database.ts';

export type ReconcileStage = 'reading' | 'comparing' | 'matching' | 'storing';

/** Items of a group shown in the HTML report at most; the group's CSV or XLSX holds them all. */
export const HTML_ITEMS = 1_000;

/** The groups of a reconciliation's report, in the order a reader meets them. */
export const RECONCILIATION_GROUPS = ['new', 'changed', 'unchanged', 'stale', 'duplicates', 'conflicts', 'crossMatches', 'invalid'] as const;
export type ReconciliationGroup = (typeof RECONCILIATION_GROUPS)[number];
/** The groups applying can write: the rest are for a person to read. */
export const APPLICABLE_GROUPS = ['new', 'changed', 'conflicts', 'stale'] as const;
export type ApplicableGroup = (typeof APPLICABLE_GROUPS)[number];

export interface AppliedChange {
  created: number;
  updated: number;
  expired: number;
  /** Conflicts with a record the bank has cancelled: a cancelled record is closed for good. */
  skipped: number;
}

export type ReconciliationSummary = Record<ReconciliationGroup, number> & { rows: number };

export interface ReconciliationView {
  id: string;
  participant: string;
  category: string;
  fileName: string;
  fileBytes: number;
  format: string | null;
  encoding: string | null;
  /** The file's columns in their order. */
  headers: string[] | null;
  /** Each column's field, in the file's order; `undefined` for a column left unused. */
  mapping: ArrayMapping | null;
  status: ReconciliationStatus;
  /** Where a run is: reading the file, comparing, matching with other states' records, storing the report. */
  stage: ReconcileStage | null;
  rowsRead: number;
  summary: ReconciliationSummary | null;
  error: { code: string; message: string; row?: number; column?: string } | null;
  createdBy: string;
  createdAt: string;
  appliedAt: string | null;
  applied: AppliedChange | null;
}

export interface ReconciliationItem {
  group: ReconciliationGroup;
  seq: number;
  row: number | null;
  recordId: string | null;
  recordVersion: number | null;
  payload: Record<string, unknown>;
}

export async function readItems(db: Db | Tx, id: string, group: string, page: { limit: number; after?: number }): Promise<ReconciliationItem[]> {
  const rows = await db
    .selectFrom('reconciliation_items')
    .selectAll()
    .where('reconciliation_id', '=', id)
    .where('grp', '=', group)
    .where('seq', '>', page.after ?? 0)
    .orderBy('seq')
    .limit(page.limit)
    .execute();
  return rows.map((r) => ({
    group: r.grp as ReconciliationGroup,
    seq: r.seq,
    row: r.row_number,
    recordId: r.record_id,
    recordVersion: r.record_version,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
  }));
}

/** Every item of a group, read a page at a time: bounded memory however large the report. */
export async function* allItems(db: Db | Tx, id: string, group: string): AsyncGenerator<ReconciliationItem> {
  let after = 0;
  for (;;) {
    const page = await readItems(db, id, group, { limit: 1000, after });
    yield* page;
    if (page.length < 1000) return;
    after = page.at(-1)!.seq;
  }
}
