import { sql } from 'kysely';
import { MATCH_KEYS_VERSION, NAMELESS_KEYS_VERSION, matchKeys, namelessBlockKeys, namelessProfile, profileOf } from '@svod/core';
import type { Db, RecordRow, Tx } from '../db/database.ts';
import { readSetting, writeSetting } from './settings.ts';
import { BULK_LOAD_RECORDS, tidyAfterBulkLoad } from '../db/maintenance.ts';
import { clearNameStems, countNameStems } from './name-frequencies.ts';
import { recordSubject } from './record-content.ts';
import { bulkInsert } from '../db/bulk-insert.ts';

/** The categories ranked against each other by description (`rankNameless`). */
export const NAMELESS_SIDES = new Set(['missing_person', 'unidentified_corpse', 'unidentified_person']);

/** Both kinds of key the store files: a change of either means every record is filed again. */
export const FILED_KEYS_VERSION = `${MATCH_KEYS_VERSION}+nameless.${NAMELESS_KEYS_VERSION}`;

const profileColumns = (rows: readonly { id: string; profile: string }[]) => [
  { name: 'record_id', type: 'uuid', values: rows.map((r) => r.id) },
  { name: 'profile', type: 'jsonb', values: rows.map((r) => r.profile) },
];

/** What filing needs of a record row. */
type FilableRow = Pick<RecordRow, 'id' | 'content' | 'category' | 'national_ref'>;

/**
 * Files records under their match keys, replacing what they were filed under, keeps their match
 * profiles for checks to read, and counts their name stems. Runs in the transaction that writes
 * the records, so keys, profiles, counts and records never disagree.
 */
export async function fileMatchKeys(tx: Db | Tx, rows: readonly FilableRow[], options: { fresh?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  // Records inserted in this transaction have nothing filed yet: no need to look.
  if (!options.fresh) {
    const ids = rows.map((r) => r.id);
    await tx.deleteFrom('match_keys').where('record_id', 'in', ids).execute();
    await tx.deleteFrom('match_profiles').where('record_id', 'in', ids).execute();
    await tx.deleteFrom('nameless_profiles').where('record_id', 'in', ids).execute();
  }
  const subjects = rows.map((row) => ({ id: row.id, subject: recordSubject(row) }));
  const profiles = subjects.map(({ id, subject }) => ({ id, profile: profileOf(subject) }));
  const values = [
    ...profiles.flatMap(({ id, profile }) => (profile ? matchKeys(profile).map((key) => ({ key, record_id: id })) : [])),
    // Missing and unidentified persons also meet by description, whatever their names.
    ...subjects.flatMap(({ id, subject }) =>
      NAMELESS_SIDES.has(subject.category) ? namelessBlockKeys(subject).map((key) => ({ key, record_id: id })) : [],
    ),
  ];
  await bulkInsert(
    tx,
    'match_keys',
    [
      { name: 'key', type: 'text', values: values.map((v) => v.key) },
      { name: 'record_id', type: 'uuid', values: values.map((v) => v.record_id) },
    ],
    sql`ON CONFLICT DO NOTHING`,
  );
  const stored = profiles.flatMap(({ id, profile }) => (profile ? [{ id, profile: JSON.stringify(profile) }] : []));
  await bulkInsert(tx, 'match_profiles', profileColumns(stored));
  const described = subjects.flatMap(({ id, subject }) => {
    const profile = NAMELESS_SIDES.has(subject.category) ? namelessProfile(subject) : undefined;
    return profile ? [{ id, profile: JSON.stringify(profile) }] : [];
  });
  await bulkInsert(tx, 'nameless_profiles', profileColumns(described));
  await countNameStems(tx, profiles, options);
}

/** The setting naming the version of `matchKeys` that computed the stored keys. */
const VERSION_SETTING = 'match_keys_version';

/** The match-keys version the store's keys were computed with; undefined before it was recorded. */
export async function storedMatchKeysVersion(db: Db): Promise<string | undefined> {
  return readSetting(db, VERSION_SETTING);
}

/**
 * Makes the stored match keys those the running code computes: when the store records another
 * version — or none, as a store written before versions were recorded, whose records may even
 * lack keys — every record is filed again and the version recorded. Otherwise it costs one
 * read, however large the bank. Returns how many records were re-filed.
 */
export async function refileMatchKeysIfStale(db: Db, onProgress?: (done: number) => void): Promise<number> {
  const version = FILED_KEYS_VERSION;
  if ((await storedMatchKeysVersion(db)) === version) return 0;
  // Emptied first so that the batches below only insert; until the version is written at the
  // end, an interrupted run is simply done again at the next start.
  await sql`TRUNCATE match_keys, match_profiles, nameless_profiles`.execute(db);
  await clearNameStems(db);
  let done = 0;
  let after: string | undefined;
  for (;;) {
    let query = db.selectFrom('records').select(['id', 'category', 'national_ref', 'content']).orderBy('id').limit(1000);
    if (after) query = query.where('id', '>', after);
    const rows = await query.execute();
    if (rows.length === 0) break;
    await db.transaction().execute((tx) => fileMatchKeys(tx, rows, { fresh: true }));
    done += rows.length;
    after = rows.at(-1)!.id;
    onProgress?.(done);
  }
  await writeSetting(db, VERSION_SETTING, version);
  if (done >= BULK_LOAD_RECORDS) await tidyAfterBulkLoad(db);
  return done;
}
