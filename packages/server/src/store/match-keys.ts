import { matchKeys, profileOf } from '@svod/core';
import type { Db, RecordRow, Tx } from '../db/database.ts';
import { recordSubject } from './record-content.ts';

/**
 * Files records under their match keys, replacing what they were filed under. Runs in the
 * transaction that writes the records, so keys and records never disagree.
 */
export async function fileMatchKeys(tx: Db | Tx, rows: readonly RecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.deleteFrom('match_keys').where('record_id', 'in', rows.map((r) => r.id)).execute();
  const values = rows.flatMap((row) => {
    const profile = profileOf(recordSubject(row));
    return profile ? matchKeys(profile).map((key) => ({ key, record_id: row.id })) : [];
  });
  // Bounded statements: a batch of 500 records files a few thousand keys.
  for (let i = 0; i < values.length; i += 2000) {
    await tx.insertInto('match_keys').values(values.slice(i, i + 2000)).onConflict((oc) => oc.doNothing()).execute();
  }
}

/** Files every record that has no keys yet (after an upgrade or a bulk load); returns how many. */
export async function fileMissingMatchKeys(db: Db, onProgress?: (done: number) => void): Promise<number> {
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Walk by id so that records with nothing to match on are passed once, not found again.
    const rows = await db
      .selectFrom('records')
      .selectAll()
      .where('id', '>', after)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('match_keys').select('record_id').whereRef('match_keys.record_id', '=', 'records.id'))))
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return done;
    await db.transaction().execute((tx) => fileMatchKeys(tx, rows));
    done += rows.length;
    after = rows.at(-1)!.id;
    onProgress?.(done);
  }
}
