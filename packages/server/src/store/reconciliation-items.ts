import type { ReconciliationGroup, ReconciliationItem } from '@svod/core';
import type { Db, Tx } from '../db/database.ts';

/** Items of a group shown in the HTML report at most; the group's CSV or XLSX holds them all. */
export const HTML_ITEMS = 1_000;

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
