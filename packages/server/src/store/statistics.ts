import { COORDINATING_BODY, type Category, type CooperationStatistics } from '@svod/core';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import { writeSetting } from './settings.ts';
import { auditSuccess, requirePermission, withFailureAudit, type StoreContext } from './context.ts';

/** A UTC month as the rows name it, from a timestamp or a day. */
const month = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')`;
const utcMonth = (column: string) => sql<string>`to_char(date_trunc('month', ${sql.ref(column)} AT TIME ZONE 'UTC'), 'YYYY-MM')`;

/** How often a running server counts records, checks, hits and requests again (see `scheduleStatisticsRefresh`). */
export const STATISTICS_REFRESH_MS = 60_000;
const COUNTED_AT = 'statistics.counted_at';
const VIEWS = ['record_days', 'located_days', 'check_days', 'hit_days', 'request_days'] as const;
const refreshing = new WeakMap<Db, Promise<Date>>();

/**
 * Counts records, located records, field checks, hits and requests by day again, whole, from
 * the tables (the views of the statistics migration); readers go on reading the last count meanwhile. One count at a time
 * per process: a second caller waits for the one under way.
 */
export function refreshStatistics(db: Db): Promise<Date> {
  let running = refreshing.get(db);
  if (!running) {
    running = (async () => {
      for (const view of VIEWS) await sql.raw(`REFRESH MATERIALIZED VIEW CONCURRENTLY ${view}`).execute(db);
      const at = new Date();
      await writeSetting(db, COUNTED_AT, at.toISOString());
      return at;
    })().finally(() => refreshing.delete(db));
    refreshing.set(db, running);
  }
  return running;
}

/**
 * Counts again every `everyMs` for as long as the server runs, and never more than a tenth of
 * the time: on embedded PGlite, which has one connection, a count of a million records holds
 * everything else up for seconds, and the pause after it grows to match.
 */
export function scheduleStatisticsRefresh(db: Db, everyMs: number, onError: (error: unknown) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const next = (wait: number) => {
    if (stopped) return;
    timer = setTimeout(async () => {
      const started = Date.now();
      await refreshStatistics(db).catch(onError);
      next(Math.max(everyMs, 10 * (Date.now() - started)));
    }, wait);
    timer.unref();
  };
  next(everyMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/**
 * Whose rows the caller reads: BKBOP, which coordinates, every agency's; an agency the rows it
 * is a party to. The figures are counts, yet how much one agency asks another is its own affair.
 */
function partyTo(ctx: StoreContext, ...columns: string[]): RawBuilder<boolean> {
  if (ctx.actor.participant === COORDINATING_BODY) return sql<boolean>`true`;
  return sql<boolean>`(${sql.join(
    columns.map((column) => sql`${sql.ref(column)} = ${ctx.actor.participant}`),
    sql` OR `,
  )})`;
}

/** The statistics of cooperation for the UTC days `from` to `to`, both inclusive. */
export async function cooperationStatistics(ctx: StoreContext, from: string, to: string): Promise<CooperationStatistics> {
  return withFailureAudit(ctx, { action: 'statistics.read', resourceType: 'statistics' }, async () => {
    requirePermission(ctx, 'record.read');
    const start = new Date(`${from}T00:00:00Z`);
    const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
    const figures = await readFigures(ctx, { from, to, start, end });
    await auditSuccess(ctx.db, ctx, { action: 'statistics.read', resourceType: 'statistics', detail: { from, to } });
    return { from, to, ...figures };
  });
}

interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

async function readFigures(ctx: StoreContext, { from, to, start, end }: Period): Promise<Omit<CooperationStatistics, 'from' | 'to'>> {
  const db: Db = ctx.db;
  const within = (column: string) => sql<boolean>`${sql.ref(column)} >= ${start} AND ${sql.ref(column)} < ${end}`;
  const onDays = (column: string) => sql<boolean>`${sql.ref(column)} BETWEEN ${from}::date AND ${to}::date`;
  const [countedAt, recordsAdded, recordsActive, outcomes, checks, hits, requests, answerTimes, reconciliations] = await Promise.all([
    db.selectFrom('settings').select('value').where('name', '=', COUNTED_AT).executeTakeFirst(),
    sql<{ owner: string; category: Category; month: string; count: string }>`
      SELECT owner, category, ${month('day')} AS month, sum(n) AS count
      FROM record_days WHERE ${onDays('day')} AND ${partyTo(ctx, 'owner')}
      GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`.execute(db),
    sql<{ owner: string; category: Category; count: string }>`
      SELECT owner, category, sum(active) AS count
      FROM record_days WHERE ${partyTo(ctx, 'owner')}
      GROUP BY 1, 2 HAVING sum(active) > 0 ORDER BY 1, 2`.execute(db),
    sql<{ owner: string; category: Category; month: string; count: string }>`
      SELECT owner, category, ${month('day')} AS month, sum(n) AS count
      FROM located_days WHERE ${onDays('day')} AND ${partyTo(ctx, 'owner')}
      GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`.execute(db),
    sql<{ participant: string; month: string; count: string }>`
      SELECT participant, ${month('day')} AS month, sum(n) AS count
      FROM check_days WHERE ${onDays('day')} AND ${partyTo(ctx, 'participant')}
      GROUP BY 1, 2 ORDER BY 2, 1`.execute(db),
    sql<{ owner: string; requester: string; month: string; count: string; confirmed: string }>`
      SELECT owner, requester, ${month('day')} AS month, sum(n) AS count, sum(confirmed) AS confirmed
      FROM hit_days WHERE ${onDays('day')} AND ${partyTo(ctx, 'owner', 'requester')}
      GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`.execute(db),
    sql<{ sender: string; recipient: string; month: string; sent: string; answered: string; overdue: string }>`
      SELECT sender, recipient, ${month('day')} AS month, sum(sent) AS sent, sum(answered) AS answered, sum(overdue) AS overdue
      FROM request_days WHERE ${onDays('day')} AND ${partyTo(ctx, 'sender', 'recipient')}
      GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`.execute(db),
    sql<{ recipient: string | null; answered: string; median: number | null; p90: number | null }>`
      SELECT recipient, count(*) AS answered,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90
      FROM (
        SELECT recipient, extract(epoch FROM answered_at - sent_at) / 3600 AS hours
        FROM requests
        WHERE state IN ('answered', 'partly_answered') AND answered_at IS NOT NULL AND ${within('sent_at')} AND ${partyTo(ctx, 'sender', 'recipient')}
      ) AS answered
      GROUP BY GROUPING SETS ((recipient), ()) ORDER BY recipient NULLS FIRST`.execute(db),
    sql<{ participant: string; month: string; runs: string; new: string; changed: string; stale: string }>`
      SELECT participant, ${utcMonth('created_at')} AS month, count(*) AS runs,
        coalesce(sum((summary->>'new')::int), 0) AS new,
        coalesce(sum((summary->>'changed')::int), 0) AS changed,
        coalesce(sum((summary->>'stale')::int), 0) AS stale
      FROM reconciliations WHERE ${within('created_at')} AND ${partyTo(ctx, 'participant')}
      GROUP BY 1, 2 ORDER BY 2, 1`.execute(db),
  ]);
  const n = (value: string | number) => Number(value);
  const hours = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);
  return {
    // Null until the first refresh: the views then hold what the migration counted.
    countedAt: countedAt?.value ?? null,
    recordsAdded: recordsAdded.rows.map((r) => ({ ...r, count: n(r.count) })),
    recordsActive: recordsActive.rows.map((r) => ({ ...r, count: n(r.count) })),
    outcomes: outcomes.rows.map((r) => ({ ...r, count: n(r.count) })),
    checks: checks.rows.map((r) => ({ ...r, count: n(r.count) })),
    hits: hits.rows.map((r) => ({ ...r, count: n(r.count), confirmed: n(r.confirmed) })),
    requests: requests.rows.map((r) => ({ ...r, sent: n(r.sent), answered: n(r.answered), overdue: n(r.overdue) })),
    answerTimes: answerTimes.rows.map((r) => ({
      recipient: r.recipient,
      answered: n(r.answered),
      medianHours: hours(r.median),
      p90Hours: hours(r.p90),
    })),
    reconciliations: reconciliations.rows.map((r) => ({
      participant: r.participant,
      month: r.month,
      runs: n(r.runs),
      new: n(r.new),
      changed: n(r.changed),
      stale: n(r.stale),
    })),
  };
}
