import { sql } from 'kysely';
import type { Db } from './database.ts';

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
