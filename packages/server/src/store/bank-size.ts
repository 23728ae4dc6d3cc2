import { sql } from 'kysely';
import { domainOfCategory, type Category, type Domain } from '@svod/core';
import type { Db } from '../db/database.ts';

/** Below this many rows (as the planner knows them) the records are counted. */
const EXACT_COUNT_BELOW = 100_000;

/**
 * How many records each domain holds, for the checks' prior, which needs the order of
 * magnitude and no more. A small bank is counted. A large one is estimated from the planner's
 * statistics: counting a million rows takes up to three seconds on PGlite, and on its single
 * connection every check waits behind the count. The estimate scales the rows per page last
 * measured (ANALYZE: after each bulk load, and by a server's autovacuum) by the table's pages
 * now, as PostgreSQL's planner does, and splits them by each category's share of the rows. It
 * counts records of every status, where the count takes active ones only: cancelled and located
 * records are a small share, well within what the prior needs.
 */
export async function recordsByDomain(
  db: Db,
  { exactBelow = EXACT_COUNT_BELOW } = {},
): Promise<{ records: Record<Domain, number>; estimated: boolean }> {
  const stats = (
    await sql<{ rows: number | null; categories: string[] | null; shares: number[] | null }>`
      SELECT CASE WHEN c.reltuples >= 0 AND c.relpages > 0
                  THEN c.reltuples / c.relpages * (pg_relation_size(c.oid) / current_setting('block_size')::int)
             END::float8 AS rows,
             s.most_common_vals::text::text[] AS categories,
             s.most_common_freqs::float8[] AS shares
      FROM pg_class c
      LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'records' AND s.attname = 'category'
      WHERE c.oid = 'records'::regclass`.execute(db)
  ).rows[0];
  const byDomain: Record<Domain, number> = { person: 0, vehicle: 0, firearm: 0 };
  if (stats?.rows && stats.rows >= exactBelow && stats.categories && stats.shares) {
    stats.categories.forEach((category, i) => {
      byDomain[domainOfCategory(category as Category)] += Math.round(stats.rows! * stats.shares![i]!);
    });
    return { records: byDomain, estimated: true };
  }
  const counted = await db
    .selectFrom('records')
    .select(['category', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', '=', 'active')
    .groupBy('category')
    .execute();
  for (const row of counted) byDomain[domainOfCategory(row.category as Category)] += Number(row.n);
  return { records: byDomain, estimated: false };
}
