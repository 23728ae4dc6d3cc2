import { sql, type Kysely } from 'kysely';

// The statistics of cooperation count records, field checks, hits and requests by day from views the database
// computes from the tables themselves and refreshes whole (see `store/statistics.ts`): counting a
// million records by day at each look at the dashboard takes seconds, reading these takes
// milliseconds, and a view recomputed from the data cannot drift as a kept counter can.
const STATEMENTS = [
  `CREATE MATERIALIZED VIEW record_days AS
      SELECT owner, category, (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n, count(*) FILTER (WHERE status = 'active') AS active
      FROM records GROUP BY 1, 2, 3`,
  `CREATE UNIQUE INDEX record_days_key ON record_days (owner, category, day)`,
  // A located record's last change is when it was located: only reopening changes it again.
  `CREATE MATERIALIZED VIEW located_days AS
      SELECT owner, category, (updated_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n
      FROM records WHERE status = 'located' GROUP BY 1, 2, 3`,
  `CREATE UNIQUE INDEX located_days_key ON located_days (owner, category, day)`,
  `CREATE MATERIALIZED VIEW check_days AS
      SELECT coalesce(actor_participant, '') AS participant, (at AT TIME ZONE 'UTC')::date AS day, count(*) AS n
      FROM audit_log WHERE action = 'record.check' AND outcome = 'success' GROUP BY 1, 2`,
  `CREATE UNIQUE INDEX check_days_key ON check_days (participant, day)`,
  `CREATE MATERIALIZED VIEW hit_days AS
      SELECT owner, requester, (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n, count(*) FILTER (WHERE status = 'confirmed') AS confirmed
      FROM hits GROUP BY 1, 2, 3`,
  `CREATE UNIQUE INDEX hit_days_key ON hit_days (owner, requester, day)`,
  // Overdue as core's request figures count it, at the time of the count: closed after the
  // deadline (a withdrawal never is), or open past it. A closed request's last change is its closing.
  `CREATE MATERIALIZED VIEW request_days AS
      SELECT sender, recipient, (sent_at AT TIME ZONE 'UTC')::date AS day, count(*) AS sent,
        count(*) FILTER (WHERE state IN ('answered', 'partly_answered')) AS answered,
        count(*) FILTER (WHERE deadline_at IS NOT NULL AND CASE
          WHEN state IN ('answered', 'partly_answered', 'refused') THEN coalesce(answered_at, updated_at) > deadline_at
          WHEN state = 'withdrawn' THEN false
          ELSE deadline_at < now()
        END) AS overdue
      FROM requests WHERE sent_at IS NOT NULL GROUP BY 1, 2, 3`,
  `CREATE UNIQUE INDEX request_days_key ON request_days (sender, recipient, day)`,
  // Answer times are read from the requests themselves (a median cannot be added up from days):
  // this index holds what they need, so reading them does not touch the table.
  `CREATE INDEX requests_answered ON requests (sent_at) INCLUDE (sender, recipient, answered_at) WHERE state IN ('answered', 'partly_answered') AND answered_at IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX requests_answered`.execute(db);
  for (const view of ['request_days', 'hit_days', 'check_days', 'located_days', 'record_days'])
    await sql.raw(`DROP MATERIALIZED VIEW ${view}`).execute(db);
}
