/**
 * `npm run bench`: the speed figures of what exists, one JSON line per figure
 * ({ name, value, unit, size, store }). Sizes: BENCH_SIZE records (default 20000).
 * Runs on embedded PGlite, and on the PostgreSQL server too when DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { DEFAULT_PARTICIPANTS, generateRecords, type CheckInput, type GeneratedRecord } from '@svod/core';
import { SYSTEM_ACTOR, runCheck, buildApp, createAjv, createRecordValidators, ensureParticipants, importRecords, insertUser, migrateToLatest, openDatabase, type Db } from '@svod/server';

const size = Number(process.env.BENCH_SIZE ?? 20_000);
const lookups = Number(process.env.BENCH_LOOKUPS ?? 2_000);

function emit(name: string, value: number, unit: string, store: string) {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, size, store })}\n`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function benchStore(store: string, db: Db) {
  await migrateToLatest(db);
  await ensureParticipants(db, DEFAULT_PARTICIPANTS);
  const generationStart = performance.now();
  const lines = Array.from(generateRecords({ seed: 7, count: size }), (record) => JSON.stringify(record));
  emit('generate.rate', size / ((performance.now() - generationStart) / 1000), 'records/s', 'memory');
  const t0 = performance.now();
  const report = await importRecords({ db, actor: SYSTEM_ACTOR, purpose: 'bench' }, lines, createRecordValidators(createAjv()), { atomic: false });
  emit('import.rate', report.created / ((performance.now() - t0) / 1000), 'records/s', store);

  await benchChecks(store, db, lines);

  const password = randomBytes(12).toString('hex');
  await insertUser(db, { participant: 'RU-MVD', username: 'bench.analyst', displayName: 'bench', role: 'analyst', password });
  const app = await buildApp({ db });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench.analyst', password } });
  const headers = { authorization: `Bearer ${login.json().token}` };

  const ids = (await db.selectFrom('records').select('id').where('shared_with_all', '=', true).limit(lookups).execute()).map((r) => r.id);
  const readTimes: number[] = [];
  const started = performance.now();
  for (const id of ids) {
    const t = performance.now();
    const response = await app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers });
    readTimes.push(performance.now() - t);
    if (response.statusCode !== 200) throw new Error(`read failed: ${response.statusCode} ${response.body}`);
  }
  const elapsed = (performance.now() - started) / 1000;
  readTimes.sort((a, b) => a - b);
  emit('record.read.p50', percentile(readTimes, 50), 'ms', store);
  emit('record.read.p95', percentile(readTimes, 95), 'ms', store);
  emit('record.read.p99', percentile(readTimes, 99), 'ms', store);
  emit('record.read.throughput', ids.length / elapsed, 'requests/s', store);

  const listTimes: number[] = [];
  for (const category of ['wanted_person', 'vehicle', 'firearm', 'missing_person']) {
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await app.inject({ method: 'GET', url: `/api/v1/records?category=${category}&limit=50`, headers });
      listTimes.push(performance.now() - t);
    }
  }
  listTimes.sort((a, b) => a - b);
  emit('record.list.p95', percentile(listTimes, 95), 'ms', store);
  await app.close();
}

/** Checks built from generated records: each asks for a subject that another record of the bank also describes. */
function checkQueries(lines: string[]): { kind: string; input: CheckInput; truth: string; self: string }[] {
  const records = lines.map((l) => JSON.parse(l) as GeneratedRecord);
  const perTruth = new Map<string, number>();
  for (const r of records) perTruth.set(r.truth, (perTruth.get(r.truth) ?? 0) + 1);
  const queries: { kind: string; input: CheckInput; truth: string; self: string }[] = [];
  for (const r of records) {
    if (queries.length >= lookups) break;
    const self = `${r.owner}/${r.nationalRef}`;
    const name = r.person?.names?.find((n) => n.kind === 'latin') ?? r.person?.names?.[0];
    if (name?.surname && name.given && (perTruth.get(r.truth) ?? 0) > 1) {
      queries.push({ kind: 'person', truth: r.truth, self, input: { person: { surname: name.surname, given: name.given, birthDate: r.person?.birthDate, lang: name.lang } } });
    } else if (r.vehicle?.plate) {
      queries.push({ kind: 'vehicle', truth: r.truth, self, input: { vehicle: { plate: r.vehicle.plate } } });
    } else if (r.firearm) {
      queries.push({ kind: 'firearm', truth: r.truth, self, input: { firearm: { serial: r.firearm.serials[0]! } } });
    }
  }
  return queries;
}

interface CheckQuality {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 of the records checks return, against the subjects' other records. */
function emitQuality(prefix: string, q: CheckQuality, store: string) {
  const precision = q.tp / Math.max(1, q.tp + q.fp);
  const recall = q.tp / Math.max(1, q.tp + q.fn);
  emit(`${prefix}.precision`, precision, 'share', store);
  emit(`${prefix}.recall`, recall, 'share', store);
  emit(`${prefix}.f1`, (2 * precision * recall) / Math.max(1e-9, precision + recall), 'share', store);
}

function tally(q: CheckQuality, returned: string[], expected: Set<string>) {
  for (const ref of returned) (expected.has(ref) ? q.tp++ : q.fp++);
  for (const ref of expected) if (!returned.includes(ref)) q.fn++;
}

async function benchChecks(store: string, db: Db, lines: string[]) {
  const records = lines.map((l) => JSON.parse(l) as GeneratedRecord);
  const truthOf = new Map(records.map((r) => [`${r.owner}/${r.nationalRef}`, r.truth]));
  // The checker (BKBOP) sees records distributed to all; those are what a check should find.
  const visibleByTruth = new Map<string, Set<string>>();
  for (const r of records) {
    if (r.distribution.kind !== 'all' || !r.person) continue;
    const set = visibleByTruth.get(r.truth) ?? new Set<string>();
    set.add(`${r.owner}/${r.nationalRef}`);
    visibleByTruth.set(r.truth, set);
  }
  const ctx = { db, actor: { ...SYSTEM_ACTOR, participant: 'BKBOP', role: 'analyst' as const }, purpose: 'bench' };
  const byKind = new Map<string, { times: number[]; found: number }>();
  const svodQuality: CheckQuality = { tp: 0, fp: 0, fn: 0 };
  const personQueries: { input: CheckInput; expected: Set<string> }[] = [];
  for (const query of checkQueries(lines)) {
    const t = performance.now();
    const result = await runCheck(ctx, query.input);
    const elapsed = performance.now() - t;
    const entry = byKind.get(query.kind) ?? { times: [], found: 0 };
    entry.times.push(elapsed);
    const refs = result.candidates.map((c) => `${c.record.owner}/${c.record.nationalRef}`);
    if (refs.some((ref) => truthOf.get(ref) === query.truth)) entry.found++;
    byKind.set(query.kind, entry);
    if (query.kind === 'person') {
      const expected = visibleByTruth.get(query.truth) ?? new Set<string>();
      personQueries.push({ input: query.input, expected });
      tally(svodQuality, result.candidates.filter((c) => c.probability >= 0.5).map((c) => `${c.record.owner}/${c.record.nationalRef}`), expected);
    }
  }
  for (const [kind, entry] of byKind) {
    const sorted = [...entry.times].sort((a, b) => a - b);
    const total = sorted.reduce((a, b) => a + b, 0) / 1000;
    emit(`check.${kind}.p50`, percentile(sorted, 50), 'ms', store);
    emit(`check.${kind}.p95`, percentile(sorted, 95), 'ms', store);
    emit(`check.${kind}.p99`, percentile(sorted, 99), 'ms', store);
    emit(`check.${kind}.throughput`, sorted.length / total, 'checks/s', store);
    emit(`check.${kind}.found`, entry.found / sorted.length, 'share', store);
  }
  emitQuality('check.person', svodQuality, store);
  await benchBaseline(store, records, personQueries);
}

/**
 * The obvious alternative a database administrator would build: pg_trgm similarity on the
 * names as written, plus an exact date of birth. Same records, same checks.
 */
async function benchBaseline(store: string, records: GeneratedRecord[], queries: { input: CheckInput; expected: Set<string> }[]) {
  const baseline = store === 'pglite' ? await pgliteWithTrigrams() : openDatabase({ databaseUrl: currentServerUrl!, dataDir: '' });
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(baseline);
    await sql`CREATE TABLE baseline_persons (ref text NOT NULL, name text NOT NULL, birth text)`.execute(baseline);
    const rows = records.flatMap((r) =>
      r.distribution.kind === 'all'
        ? (r.person?.names ?? []).map((n) => ({ ref: `${r.owner}/${r.nationalRef}`, name: [n.surname, n.given, n.patronymic].filter(Boolean).join(' ').toLowerCase(), birth: r.person?.birthDate ?? null }))
        : [],
    );
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await sql`INSERT INTO baseline_persons (ref, name, birth) SELECT * FROM unnest(${chunk.map((r) => r.ref)}::text[], ${chunk.map((r) => r.name)}::text[], ${chunk.map((r) => r.birth)}::text[])`.execute(baseline);
    }
    await sql`CREATE INDEX baseline_persons_name ON baseline_persons USING gin (name gin_trgm_ops)`.execute(baseline);
    await sql`ANALYZE baseline_persons`.execute(baseline);
    const quality: CheckQuality = { tp: 0, fp: 0, fn: 0 };
    const times: number[] = [];
    for (const { input, expected } of queries) {
      const name = [input.person!.surname, input.person!.given].filter(Boolean).join(' ').toLowerCase();
      const birth = input.person!.birthDate ?? null;
      const t = performance.now();
      const result = await sql<{ ref: string }>`
        SELECT DISTINCT ref FROM baseline_persons
        WHERE name % ${name} AND (${birth}::text IS NULL OR birth = ${birth})
        LIMIT 10`.execute(baseline);
      times.push(performance.now() - t);
      tally(quality, result.rows.map((r) => r.ref), expected);
    }
    times.sort((a, b) => a - b);
    emit('baseline.trgm.check.person.p50', percentile(times, 50), 'ms', store);
    emit('baseline.trgm.check.person.p95', percentile(times, 95), 'ms', store);
    emitQuality('baseline.trgm.check.person', quality, store);
  } finally {
    await sql`DROP TABLE IF EXISTS baseline_persons`.execute(baseline);
    await baseline.destroy();
  }
}

async function pgliteWithTrigrams(): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const { Kysely } = await import('kysely');
  return new Kysely({ dialect: new PGliteDialect(new PGlite('memory://', { extensions: { pg_trgm } })) }) as Db;
}

let currentServerUrl: string | undefined;

await benchStore('pglite', openDatabase({ dataDir: 'memory://' }));

if (process.env.DATABASE_URL) {
  const name = `svod_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const db = openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  currentServerUrl = url.toString();
  try {
    await benchStore('postgres', db);
  } finally {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  process.stderr.write('bench: DATABASE_URL not set, PostgreSQL server figures skipped\n');
}

emit('memory.peak_rss', process.resourceUsage().maxRSS / 1024, 'MiB', 'process');
