import { sql } from 'kysely';
import type { Db, Tx } from './database.ts';

/** Records written by one load from which the tables are tidied at its end. */
export const BULK_LOAD_RECORDS = 1_000;

/**
 * After a bulk load: VACUUM sets the hint bits and the visibility map, so that checks neither
 * dirty the pages they read nor visit the heap for match keys (index-only scans), and ANALYZE
 * gives the planner the new sizes. A PostgreSQL server's autovacuum gets there in its own time
 * when it is on; the embedded store has no autovacuum at all. Seconds at a million records,
 * so a load of a thousand records or more is worth it.
 */
export async function tidyAfterBulkLoad(db: Db): Promise<void> {
  await sql`VACUUM (ANALYZE) records, match_keys`.execute(db);
}

/** Records a load writes before it first refreshes the planner's statistics. */
const FIRST_STATISTICS_AT = 5_000;

/**
 * When a load has written this many records, it refreshes the planner's statistics: at 5,000,
 * then each time it has doubled. Statements a connection keeps prepared are planned once with
 * the statistics of that moment, and a server with autovacuum off keeps those of the empty table:
 * a load then looked up existing records by scanning the whole table, slower with every batch
 * (470 records/s at 500,000 instead of 1,800). Fresh statistics make PostgreSQL plan them again.
 */
export const isStatisticsDue = (written: number, lastRefreshAt: number): boolean => written >= Math.max(FIRST_STATISTICS_AT, 2 * lastRefreshAt);

/** The planner's statistics of the tables a load writes; allowed inside a transaction, unlike VACUUM. */
export async function refreshStatistics(db: Db | Tx): Promise<void> {
  await sql`ANALYZE records, match_keys, record_name_stems`.execute(db);
}
