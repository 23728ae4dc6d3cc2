import { sql } from 'kysely';
import { bankNameFrequency, nameStemKeys, type MatchProfile, type Weights } from '@svod/core';
import type { Db, Tx } from '../db/database.ts';
import { recordsByDomain } from './bank-size.ts';
import { bulkInsert } from '../db/bulk-insert.ts';

/**
 * Counts the name stems of records just profiled, in the transaction that writes them: what a
 * record was counted under before (`record_name_stems`) is taken back and what it carries now
 * added, as one net change per stem. Stems are applied in one order, so two writers never wait
 * for each other's rows crosswise.
 */
export async function countNameStems(
  tx: Db | Tx,
  records: readonly { id: string; profile: MatchProfile | undefined }[],
  options: { fresh?: boolean } = {},
): Promise<void> {
  if (records.length === 0) return;
  const change = new Map<string, number>();
  const add = (key: string, by: number) => change.set(key, (change.get(key) ?? 0) + by);
  if (!options.fresh) {
    const before = await tx
      .deleteFrom('record_name_stems')
      .where(
        'record_id',
        'in',
        records.map((r) => r.id),
      )
      .returning('key')
      .execute();
    for (const { key } of before) add(key, -1);
  }
  const stems = records.flatMap(({ id, profile }) => nameStemKeys(profile).map((key) => ({ record_id: id, key })));
  for (const { key } of stems) add(key, 1);
  await bulkInsert(tx, 'record_name_stems', [
    { name: 'record_id', type: 'uuid', values: stems.map((s) => s.record_id) },
    { name: 'key', type: 'text', values: stems.map((s) => s.key) },
  ]);
  const counts = [...change].filter(([, by]) => by !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await bulkInsert(
    tx,
    'name_stem_counts',
    [
      { name: 'key', type: 'text', values: counts.map(([key]) => key) },
      { name: 'records', type: 'integer', values: counts.map(([, by]) => by) },
    ],
    sql`ON CONFLICT (key) DO UPDATE SET records = name_stem_counts.records + excluded.records`,
  );
}

/** Empties the counts, before every record is counted again (a re-filing of match keys). */
export async function clearNameStems(db: Db): Promise<void> {
  await sql`TRUNCATE record_name_stems, name_stem_counts`.execute(db);
}

/** How long the counts read into memory are used before they are read again: they change slowly. */
const COUNTS_TTL_MS = 5 * 60_000;

interface Counts {
  stems: Map<string, number>;
  persons: number;
}

const cache = new WeakMap<Db, { loadedAt: number; counts: Promise<Counts> }>();

async function loadCounts(db: Db): Promise<Counts> {
  const [rows, { records }] = await Promise.all([
    db.selectFrom('name_stem_counts').select(['key', 'records']).where('records', '>', 0).execute(),
    recordsByDomain(db),
  ]);
  return { stems: new Map(rows.map((r) => [r.key, r.records])), persons: records.person };
}

/**
 * The counts as last read: a check never waits for them to be read again. When they are older
 * than COUNTS_TTL_MS they are re-read in the background and the next check gets the new ones.
 */
function countsFor(db: Db): Promise<Counts> {
  const cached = cache.get(db);
  const now = Date.now();
  if (cached && now - cached.loadedAt < COUNTS_TTL_MS) return cached.counts;
  const counts = loadCounts(db);
  if (!cached) {
    cache.set(db, { loadedAt: now, counts });
    counts.catch(() => cache.delete(db));
    return counts;
  }
  // Until the new counts arrive the old ones serve; a failed read keeps them for another round.
  cached.loadedAt = now;
  counts.then(
    (fresh) => cache.set(db, { loadedAt: now, counts: Promise.resolve(fresh) }),
    () => undefined,
  );
  return cached.counts;
}

/** The bank's name frequencies for scoring checks with `weights` (see `bankNameFrequency`). */
export async function nameFrequencyFor(db: Db, weights: Weights): Promise<(key: string) => number | undefined> {
  const { stems, persons } = await countsFor(db);
  return bankNameFrequency(weights, (key) => stems.get(key), persons);
}

/** Reads the counts before serving, so that the first check does not wait for them. */
export async function prepareNameFrequencies(db: Db): Promise<void> {
  await countsFor(db);
}
