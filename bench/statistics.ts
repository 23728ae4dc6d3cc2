/**
 * `npm run bench:statistics`: the statistics of cooperation over BENCH_RECORDS records (default
 * 1,000,000) and BENCH_REQUESTS requests (default 100,000) spread over a year, with as many hits
 * and twice as many field checks in the audit trail. PostgreSQL database `svod_bench_statistics`
 * when DATABASE_URL is set, else PGlite in memory; BENCH_STORES=pglite,postgres measures both.
 * Rows are written straight into the tables by SQL (the figure is the reading, not the writing).
 * Figures, one JSON line each: the dashboard's query for a year, as BKBOP and as one agency,
 * BENCH_QUERIES times (default 30) — p50/p95; and the count a running server makes every minute.
 */
import { sql } from 'kysely';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, type Actor } from '@svod/core';
import { cooperationStatistics, ensureAgreements, refreshStatistics, ensureParticipants, migrateToLatest, type Db } from '@svod/server';
import { benchStores, openBenchStore, percentile } from './stores.ts';

const records = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 100_000);
const queries = Number(process.env.BENCH_QUERIES ?? 30);
const stores = benchStores();

const AGENCIES = DEFAULT_PARTICIPANTS.filter((p) => p.state !== null).map((p) => p.code);
const CATEGORY_LIST = ['wanted_person', 'missing_person', 'unidentified_corpse', 'unidentified_person', 'vehicle', 'firearm'];

/** A year of rows in every table the statistics read, in batches of 100,000 by generate_series. */
async function load(db: Db): Promise<void> {
  const agencies = sql.raw(`ARRAY[${AGENCIES.map((a) => `'${a}'`).join(',')}]`);
  const categories = sql.raw(`ARRAY[${CATEGORY_LIST.map((c) => `'${c}'`).join(',')}]`);
  const year = sql.raw(`(now() - interval '365 days')`);
  for (let start = 0; start < records; start += 100_000) {
    const end = Math.min(records, start + 100_000);
    // A record's versions are kept by a trigger; the bench has no history to keep.
    await sql`ALTER TABLE records DISABLE TRIGGER records_keep_versions`.execute(db);
    await sql`
      INSERT INTO records (id, owner, national_ref, category, status, shared_with_all, content, version, created_by, updated_by, created_at, updated_at)
      SELECT gen_random_uuid(), (${agencies})[1 + i % ${AGENCIES.length}], 'B-' || i, (${categories})[1 + (i / 7) % 6],
        CASE WHEN i % 10 = 0 THEN 'located' WHEN i % 13 = 0 THEN 'cancelled' ELSE 'active' END,
        true, '{}'::jsonb, 1, 'bench', 'bench',
        ${year} + (i::float / ${records}) * interval '365 days', ${year} + (i::float / ${records}) * interval '365 days' + interval '3 days'
      FROM generate_series(${start}::int, ${end - 1}::int) AS i`.execute(db);
    await sql`ALTER TABLE records ENABLE TRIGGER records_keep_versions`.execute(db);
  }
  await sql`
    INSERT INTO requests (id, type, sender, recipient, priority, subject, content, state, version, created_by, created_at, updated_at, sent_at, received_at, deadline_at, answered_at)
    SELECT gen_random_uuid(), 'person_information', (${agencies})[1 + i % ${AGENCIES.length}], (${agencies})[1 + (i * 7 + 3) % ${AGENCIES.length}], 'routine',
      'Запрос', '{}'::jsonb, CASE WHEN i % 4 = 0 THEN 'in_work' ELSE 'answered' END, 5, 'bench', sent, sent + interval '20 days', sent, sent, sent + interval '30 days',
      CASE WHEN i % 4 = 0 THEN NULL ELSE sent + (i % 40) * interval '1 day' END
    FROM (SELECT i, ${year} + (i::float / ${requests}) * interval '365 days' AS sent FROM generate_series(0, ${requests - 1}::int) AS i) AS s
    WHERE (${agencies})[1 + i % ${AGENCIES.length}] <> (${agencies})[1 + (i * 7 + 3) % ${AGENCIES.length}]`.execute(db);
  await sql`
    INSERT INTO hits (id, record_id, owner, requester, requested_by, requested_by_name, probability, subject_held, query, status, deadline_at, created_at, updated_at)
    SELECT gen_random_uuid(), r.id, r.owner, (${agencies})[1 + (n + 5) % ${AGENCIES.length}], 'bench', 'bench', 0.95, false, '{}'::jsonb,
      CASE WHEN n % 3 = 0 THEN 'denied' ELSE 'confirmed' END, r.created_at + interval '1 hour', r.created_at, r.created_at
    FROM (SELECT id, owner, created_at, row_number() OVER () AS n FROM records LIMIT ${requests}) AS r`.execute(db);
  // Field checks as the audit trail records them; the bench's trail is not a chain anyone verifies.
  await sql`
    INSERT INTO audit_log (seq, at, actor_kind, actor_id, actor_participant, action, outcome, purpose, detail, prev_hash, hash)
    SELECT 1000000000 + i, ${year} + (i::float / ${2 * requests}) * interval '365 days', 'user', 'bench', (${agencies})[1 + i % ${AGENCIES.length}],
      'record.check', 'success', 'bench', '{}'::jsonb, '', ''
    FROM generate_series(0, ${2 * requests - 1}::int) AS i`.execute(db);
  await sql`ANALYZE`.execute(db);
}

async function benchStore(store: string): Promise<void> {
  const emit = (name: string, value: number, unit: string) =>
    process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, records, requests, store })}\n`);
  const db = await openBenchStore(store, 'svod_bench_statistics');
  await migrateToLatest(db);
  await ensureParticipants(db, DEFAULT_PARTICIPANTS);
  await ensureAgreements(db, DEMO_AGREEMENTS);
  const loadStarted = performance.now();
  await load(db);
  emit('load', (performance.now() - loadStarted) / 1000, 's');
  // What a running server does every minute: the whole count by day.
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await refreshStatistics(db);
    emit('count of records, checks, hits and requests by day (every minute)', performance.now() - started, 'ms');
  }

  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  for (const participant of ['BKBOP', 'KZ-MVD']) {
    const actor: Actor = { kind: 'user', id: 'bench', name: 'bench', participant, role: 'analyst' };
    const ctx = { db, actor, purpose: 'bench' };
    await cooperationStatistics(ctx, from, to);
    const times: number[] = [];
    for (let i = 0; i < queries; i++) {
      const started = performance.now();
      await cooperationStatistics(ctx, from, to);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    emit(`statistics for a year as ${participant} p50`, percentile(times, 50), 'ms');
    emit(`statistics for a year as ${participant} p95`, percentile(times, 95), 'ms');
  }
  await db.destroy();
}

for (const store of stores) await benchStore(store);
