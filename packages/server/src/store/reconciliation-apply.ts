import { AppError, type AppliedChange, type ApplicableGroup, type RecordInput, type ReconciliationItem } from '@svod/core';
import type { Tx } from '../db/database.ts';
import { assertRecordRules } from '../validation/records.ts';
import type { StoreContext } from './context.ts';
import { fileMatchKeys } from './match-keys.ts';
import { insertRecords, newRecordRow, replaceContent, splitContent } from './records.ts';
import { allItems } from './reconciliation-items.ts';

/** Records written per statement when creating. */
const INSERT_PAGE = 500;
/** Ids an audit entry lists per kind of change at most; the reconciliation's items hold them all. */
const AUDITED_IDS = 10_000;

const changedSince = (item: ReconciliationItem) =>
  new AppError('version_conflict', {
    issues: [{ path: `/items/${item.group}/${item.seq}`, code: 'changed_since_compared' }],
    params: { row: item.row ?? '—' },
  });

/**
 * Writes a reconciliation's chosen groups in the caller's transaction, as the report showed them.
 * A record created, changed or cancelled in the bank since the comparison throws 409 and the
 * transaction writes nothing.
 */
export async function applyItems(
  tx: Tx,
  ctx: StoreContext,
  id: string,
  groups: ReadonlySet<ApplicableGroup>,
): Promise<{ counts: AppliedChange; ids: Record<'created' | 'updated' | 'expired', string[]> }> {
  const counts: AppliedChange = { created: 0, updated: 0, expired: 0, skipped: 0 };
  const ids = { created: [] as string[], updated: [] as string[], expired: [] as string[] };
  const note = (kind: keyof typeof ids, recordId: string) => {
    counts[kind]++;
    if (ids[kind].length < AUDITED_IDS) ids[kind].push(recordId);
  };
  const participant = ctx.actor.participant;

  if (groups.has('new')) {
    let page: ReconciliationItem[] = [];
    const flush = async () => {
      if (page.length === 0) return;
      const refs = page.map((item) => (item.payload.record as RecordInput).nationalRef);
      const taken = await tx
        .selectFrom('records')
        .select('national_ref')
        .where('owner', '=', participant)
        .where('national_ref', 'in', refs)
        .executeTakeFirst();
      if (taken) throw changedSince(page.find((item) => (item.payload.record as RecordInput).nationalRef === taken.national_ref)!);
      const inserted = await insertRecords(
        tx,
        page.map((item) => newRecordRow(participant, ctx.actor.id, item.payload.record as RecordInput)),
      );
      await fileMatchKeys(tx, inserted, { fresh: true });
      for (const row of inserted) note('created', row.id);
      page = [];
    };
    for await (const item of allItems(tx, id, 'new')) {
      page.push(item);
      if (page.length >= INSERT_PAGE) await flush();
    }
    await flush();
  }

  for (const group of ['changed', 'conflicts'] as const) {
    if (!groups.has(group)) continue;
    for await (const item of allItems(tx, id, group)) {
      const row = await tx.selectFrom('records').selectAll().where('id', '=', item.recordId!).forUpdate().executeTakeFirst();
      if (!row || row.version !== item.recordVersion) throw changedSince(item);
      // A cancelled record is closed for good, as for the API's PUT: the conflict stays for a person.
      if (row.status === 'cancelled') {
        counts.skipped++;
        continue;
      }
      const { category, content } = splitContent(item.payload.record as RecordInput);
      assertRecordRules(category, content);
      const updated = await replaceContent(tx, row, ctx.actor.id, content);
      await fileMatchKeys(tx, [updated]);
      note('updated', row.id);
    }
  }

  if (groups.has('stale')) {
    for await (const item of allItems(tx, id, 'stale')) {
      const row = await tx.selectFrom('records').select(['id', 'version', 'status']).where('id', '=', item.recordId!).forUpdate().executeTakeFirst();
      if (!row || row.version !== item.recordVersion) throw changedSince(item);
      if (row.status !== 'active') continue;
      await tx
        .updateTable('records')
        .set({
          status: 'expired',
          status_note: `Нет в национальном массиве / absent from the national array (reconciliation ${id})`,
          version: row.version + 1,
          updated_by: ctx.actor.id,
          updated_at: new Date(),
        })
        .where('id', '=', row.id)
        .execute();
      note('expired', row.id);
    }
  }
  return { counts, ids };
}
