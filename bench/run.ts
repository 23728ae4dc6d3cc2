/**
 * `npm run bench`: the speed figures of what exists, one JSON line per figure
 * ({ name, value, unit, size, store }). Sizes: BENCH_SIZE records (default 20000).
 * Runs on embedded PGlite, and on the PostgreSQL server too when DATABASE_URL is set
 * (BENCH_STORES=pglite or =postgres picks one).
 *
 * Loading a million records takes minutes, so a loaded store can be kept between runs:
 * BENCH_DATA_DIR=/dir keeps the PGlite store (and its baseline) there; BENCH_REUSE=1 keeps
 * the PostgreSQL database svod_bench_<size>. A kept store holding BENCH_SIZE records is
 * measured as it is; the records are generated again (same seed) for the ground truth.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { DEFAULT_PARTICIPANTS, DEMO_AGREEMENTS, generateRecords, type CheckInput, type GeneratedRecord } from '@svod/core';
import {
  SYSTEM_ACTOR,
  appendAudit,
  prepareChecks,
  refileMatchKeysIfStale,
  runCheck,
  type buildApp,
  createAjv,
  createRecordValidators,
  ensureAgreements,
  ensureParticipants,
  importRecords,
  migrateToLatest,
  openDatabase,
  type Db,
} from '@svod/server';
import { appAsAnalyst } from './analyst.ts';
import { benchIdentifierChecks } from './identifier-checks.ts';

const size = Number(process.env.BENCH_SIZE ?? 20_000);
const lookups = Number(process.env.BENCH_LOOKUPS ?? 2_000);
const dataDir = process.env.BENCH_DATA_DIR;
const reuse = process.env.BENCH_REUSE === '1';
const stores = (process.env.BENCH_STORES ?? (process.env.DATABASE_URL ? 'pglite,postgres' : 'pglite')).split(',');
/** Concurrent clients for the throughput figure under load. */
const clients = Number(process.env.BENCH_CLIENTS ?? 8);

function emit(name: string, value: number, unit: string, store: string) {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit, size, store })}\n`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function benchStore(store: string, db: Db, baselineDb: () => Promise<Db>) {
  await migrateToLatest(db);
  await ensureParticipants(db, DEFAULT_PARTICIPANTS);
  await ensureAgreements(db, DEMO_AGREEMENTS);
  // A new store records the keys' version; a kept one filed by another version is filed again.
  const refiled = await refileMatchKeysIfStale(db);
  if (refiled > 0) process.stderr.write(`bench: ${store}: re-filed the match keys of ${refiled} records\n`);
  const held = Number(
    (
      await db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (held !== 0 && held !== size)
    throw new Error(`bench: the kept ${store} store holds ${held} records, not ${size}; empty it or change BENCH_SIZE`);
  const baseline = await baselineDb();
  const corpus = new Corpus(!(await hasBaselineTable(baseline)));
  const generationStart = performance.now();
  if (held === size) {
    for (const record of generateRecords({ seed: 7, count: size })) corpus.add(record);
    emit('generate.rate', size / ((performance.now() - generationStart) / 1000), 'records/s', 'memory');
  } else {
    // Generated as imported, so that a million records need not sit in memory as text.
    let generating = 0;
    const lines = (function* () {
      const records = generateRecords({ seed: 7, count: size });
      for (;;) {
        const t = performance.now();
        const next = records.next();
        if (next.done) return;
        corpus.add(next.value);
        const line = JSON.stringify(next.value);
        generating += performance.now() - t;
        yield line;
      }
    })();
    const report = await importRecords({ db, actor: SYSTEM_ACTOR, purpose: 'bench' }, lines, createRecordValidators(createAjv()), {
      atomic: false,
      // The generated lines name their owners, as a state's array loaded by the bank does.
      ownersFromLines: true,
    });
    // The generator's own time is inside the loop above; the rate counts what is left.
    const importSeconds = (performance.now() - generationStart - generating) / 1000;
    emit('import.rate', report.created / importSeconds, 'records/s', store);
    process.stderr.write(`bench: ${store}: imported ${report.created} records in ${Math.round(importSeconds)} s\n`);
  }
  if (corpus.baselineRows) await buildBaselineTable(baseline, corpus.baselineRows);
  corpus.baselineRows = undefined;

  // As `svod serve` does before it listens.
  await prepareChecks(db);
  await benchIdentifierChecks(db, size, (name, value, unit) => emit(name, value, unit, store));
  const app = await benchChecks(store, db, corpus, baseline);

  const headers = app.headers;

  const ids = (await db.selectFrom('records').select('id').where('shared_with_all', '=', true).limit(lookups).execute()).map((r) => r.id);
  const readTimes: number[] = [];
  const started = performance.now();
  for (const id of ids) {
    const t = performance.now();
    const response = await app.app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers });
    readTimes.push(performance.now() - t);
    if (response.statusCode !== 200) throw new Error(`read failed: ${response.statusCode} ${response.body}`);
  }
  const elapsed = (performance.now() - started) / 1000;
  emitTimes('record.read', readTimes, store);
  emit('record.read.throughput', ids.length / elapsed, 'requests/s', store);

  const listTimes: number[] = [];
  for (const category of ['wanted_person', 'vehicle', 'firearm', 'missing_person']) {
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await app.app.inject({ method: 'GET', url: `/api/v1/records?category=${category}&limit=50`, headers });
      listTimes.push(performance.now() - t);
    }
  }
  listTimes.sort((a, b) => a - b);
  emit('record.list.p95', percentile(listTimes, 95), 'ms', store);
  await app.app.close();
}

type Query = { kind: string; input: CheckInput; truth: string };
/** A check with its ground truth: every record of its subject, and those the checker may see. */
type PickedQuery = Query & { sameSubject: Set<string>; expected: Set<string> };
type BaselineRow = { ref: string; name: string; birth: string | null };

/**
 * What the checks need from the generated records, and no more: a bank's server does not hold
 * a million records' ground truth in its heap, and a bench process that did would time its
 * own garbage collection. Checks are built from the first records (a person check needs
 * another record of the same subject, known only once all are generated), so only those
 * records' subjects are followed through the rest of the stream.
 */
class Corpus {
  private candidates: (Query & { person: boolean })[] = [];
  private subjects = new Map<string, { all: Set<string>; visible: Set<string> }>();
  private followingAll = true;
  /** The baseline's name rows, kept only while its table still has to be built. */
  baselineRows: BaselineRow[] | undefined;

  constructor(collectBaseline: boolean) {
    if (collectBaseline) this.baselineRows = [];
  }

  add(r: GeneratedRecord) {
    const self = `${r.owner}/${r.nationalRef}`;
    // The checker (BKBOP) sees records distributed to all; those are what a check should find.
    const visible = r.distribution.kind === 'all' && r.person !== undefined;
    if (visible && this.baselineRows) {
      for (const n of r.person!.names ?? []) {
        this.baselineRows.push({
          ref: self,
          name: [n.surname, n.given, n.patronymic].filter(Boolean).join(' ').toLowerCase(),
          birth: r.person!.birthDate ?? null,
        });
      }
    }
    if (this.followingAll) this.pick(r);
    let subject = this.subjects.get(r.truth);
    if (!subject && this.followingAll) {
      subject = { all: new Set(), visible: new Set() };
      this.subjects.set(r.truth, subject);
    }
    subject?.all.add(self);
    if (visible) subject?.visible.add(self);
    if (this.followingAll && this.candidates.length >= lookups * 4) {
      this.followingAll = false;
      const picked = new Set(this.candidates.map((c) => c.truth));
      for (const truth of this.subjects.keys()) if (!picked.has(truth)) this.subjects.delete(truth);
    }
  }

  private pick(r: GeneratedRecord) {
    const name = r.person?.names?.find((n) => n.kind === 'latin') ?? r.person?.names?.[0];
    if (name?.surname && name.given) {
      this.candidates.push({
        kind: 'person',
        person: true,
        truth: r.truth,
        input: { person: { surname: name.surname, given: name.given, birthDate: r.person?.birthDate, lang: name.lang } },
      });
    } else if (r.vehicle?.plate) {
      this.candidates.push({ kind: 'vehicle', person: false, truth: r.truth, input: { vehicle: { plate: r.vehicle.plate } } });
    } else if (r.firearm) {
      this.candidates.push({ kind: 'firearm', person: false, truth: r.truth, input: { firearm: { serial: r.firearm.serials[0]! } } });
    }
  }

  /** Checks built from generated records: each asks for a subject that another record of the bank also describes. */
  queries(): PickedQuery[] {
    const picked: PickedQuery[] = [];
    for (const { person, ...q } of this.candidates) {
      if (picked.length >= lookups) break;
      const subject = this.subjects.get(q.truth)!;
      // A named person met only once would be a check with nothing to find besides itself.
      if (person && subject.all.size <= 1) continue;
      picked.push({ ...q, sameSubject: subject.all, expected: subject.visible });
    }
    return picked;
  }
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
  for (const ref of returned) expected.has(ref) ? q.tp++ : q.fp++;
  for (const ref of expected) if (!returned.includes(ref)) q.fn++;
}

function emitTimes(prefix: string, times: number[], store: string) {
  const sorted = [...times].sort((a, b) => a - b);
  emit(`${prefix}.p50`, percentile(sorted, 50), 'ms', store);
  emit(`${prefix}.p95`, percentile(sorted, 95), 'ms', store);
  emit(`${prefix}.p99`, percentile(sorted, 99), 'ms', store);
}

/** Runs `tasks` with `width` of them in flight at a time; returns checks per second. */
async function concurrently(width: number, tasks: (() => Promise<unknown>)[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
  return tasks.length / ((performance.now() - started) / 1000);
}

interface BenchApp {
  app: Awaited<ReturnType<typeof buildApp>>;
  headers: Record<string, string>;
}

async function benchChecks(store: string, db: Db, corpus: Corpus, baseline: Db): Promise<BenchApp> {
  const ctx = { db, actor: { ...SYSTEM_ACTOR, participant: 'BKBOP', role: 'analyst' as const }, purpose: 'bench' };
  const byKind = new Map<string, { times: number[]; found: number }>();
  const svodQuality: CheckQuality = { tp: 0, fp: 0, fn: 0 };
  const personQueries: { input: CheckInput; expected: Set<string> }[] = [];
  const queries = corpus.queries();
  for (const query of queries) {
    const t = performance.now();
    const result = await runCheck(ctx, query.input);
    const elapsed = performance.now() - t;
    const entry = byKind.get(query.kind) ?? { times: [], found: 0 };
    entry.times.push(elapsed);
    const refs = result.candidates.map((c) => `${c.record.owner}/${c.record.nationalRef}`);
    if (refs.some((ref) => query.sameSubject.has(ref))) entry.found++;
    byKind.set(query.kind, entry);
    if (query.kind === 'person') {
      personQueries.push({ input: query.input, expected: query.expected });
      tally(
        svodQuality,
        result.candidates.filter((c) => c.probability >= 0.5).map((c) => `${c.record.owner}/${c.record.nationalRef}`),
        query.expected,
      );
    }
  }
  for (const [kind, entry] of byKind) {
    emitTimes(`check.${kind}`, entry.times, store);
    emit(`check.${kind}.throughput`, entry.times.length / (entry.times.reduce((a, b) => a + b, 0) / 1000), 'checks/s', store);
    emit(`check.${kind}.found`, entry.found / entry.times.length, 'share', store);
  }
  // Checks by identifier (plate, serial) pooled, as the latency target counts them.
  emitTimes('check.identifier', [...(byKind.get('vehicle')?.times ?? []), ...(byKind.get('firearm')?.times ?? [])], store);
  emitQuality('check.person', svodQuality, store);
  // The same person checks through the store with several in flight: what the store itself
  // sustains, without HTTP; then the audit append alone, which every check waits for.
  emit(
    `check.person.throughput.clients_${clients}`,
    await concurrently(
      clients,
      personQueries.map(
        ({ input }) =>
          () =>
            runCheck(ctx, input),
      ),
    ),
    'checks/s',
    store,
  );
  for (const width of [1, clients]) {
    const appends = Array.from(
      { length: 1000 },
      () => () => appendAudit(db, { actor: ctx.actor, action: 'record.check', outcome: 'success', purpose: 'bench' }),
    );
    emit(`audit.append.throughput.clients_${width}`, await concurrently(width, appends), 'appends/s', store);
  }

  // The same person checks over HTTP (in-process inject: session, validation, serialisation),
  // one client and then several at once.
  const { app, headers } = await appAsAnalyst(db);
  let failed = 0;
  const httpCheck = async (input: CheckInput) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/checks', headers, payload: input as object });
    if (response.statusCode !== 200 && failed++ === 0)
      process.stderr.write(`bench: ${store}: a check failed: ${response.statusCode} ${response.body}\n`);
  };
  const httpTimes: number[] = [];
  for (const { input } of personQueries) {
    const t = performance.now();
    await httpCheck(input);
    httpTimes.push(performance.now() - t);
  }
  emitTimes('api.check.person', httpTimes, store);
  emit('api.check.person.throughput', httpTimes.length / (httpTimes.reduce((a, b) => a + b, 0) / 1000), 'checks/s', store);
  emit(
    `api.check.person.throughput.clients_${clients}`,
    await concurrently(
      clients,
      personQueries.map(
        ({ input }) =>
          () =>
            httpCheck(input),
      ),
    ),
    'checks/s',
    store,
  );
  // Counted, not thrown: a failing check should not hide every other figure.
  emit('api.check.person.failed', failed, 'checks', store);

  await benchBaseline(store, personQueries, baseline);
  return { app, headers };
}

const hasBaselineTable = async (baseline: Db) =>
  Boolean((await sql<{ t: string | null }>`SELECT to_regclass('baseline_persons')::text AS t`.execute(baseline)).rows[0]?.t);

/** The baseline's names, built before anything is timed; a kept store's (BENCH_DATA_DIR, BENCH_REUSE) is built once. */
async function buildBaselineTable(baseline: Db, rows: BaselineRow[]) {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(baseline);
  await sql`CREATE TABLE baseline_persons (ref text NOT NULL, name text NOT NULL, birth text)`.execute(baseline);
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await sql`INSERT INTO baseline_persons (ref, name, birth) SELECT * FROM unnest(${chunk.map((r) => r.ref)}::text[], ${chunk.map((r) => r.name)}::text[], ${chunk.map((r) => r.birth)}::text[])`.execute(
      baseline,
    );
  }
  await sql`CREATE INDEX baseline_persons_name ON baseline_persons USING gin (name gin_trgm_ops)`.execute(baseline);
  await sql`ANALYZE baseline_persons`.execute(baseline);
}

/**
 * The obvious alternative a database administrator would build: pg_trgm similarity on the
 * names as written, plus an exact date of birth. Same records, same checks.
 */
async function benchBaseline(store: string, queries: { input: CheckInput; expected: Set<string> }[], baseline: Db) {
  const keep = Boolean(dataDir) || reuse;
  try {
    const quality: CheckQuality = { tp: 0, fp: 0, fn: 0 };
    const times: number[] = [];
    const baselineCheck = (input: CheckInput) => {
      const name = [input.person!.surname, input.person!.given].filter(Boolean).join(' ').toLowerCase();
      const birth = input.person!.birthDate ?? null;
      return sql<{ ref: string }>`
        SELECT DISTINCT ref FROM baseline_persons
        WHERE name % ${name} AND (${birth}::text IS NULL OR birth = ${birth})
        LIMIT 10`.execute(baseline);
    };
    for (const { input, expected } of queries) {
      const t = performance.now();
      const result = await baselineCheck(input);
      times.push(performance.now() - t);
      tally(
        quality,
        result.rows.map((r) => r.ref),
        expected,
      );
    }
    emitTimes('baseline.trgm.check.person', times, store);
    emit('baseline.trgm.check.person.throughput', times.length / (times.reduce((a, b) => a + b, 0) / 1000), 'checks/s', store);
    emit(
      `baseline.trgm.check.person.throughput.clients_${clients}`,
      await concurrently(
        clients,
        queries.map(
          ({ input }) =>
            () =>
              baselineCheck(input),
        ),
      ),
      'checks/s',
      store,
    );
    emitQuality('baseline.trgm.check.person', quality, store);
  } finally {
    if (!keep) await sql`DROP TABLE IF EXISTS baseline_persons`.execute(baseline);
    await baseline.destroy();
  }
}

async function pgliteWithTrigrams(dir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const { Kysely } = await import('kysely');
  return new Kysely({ dialect: new PGliteDialect(new PGlite(dir, { extensions: { pg_trgm } })) }) as Db;
}

if (stores.includes('pglite')) {
  const db = await openDatabase({ dataDir: dataDir ? join(dataDir, 'store') : 'memory://', longRunning: true });
  try {
    await benchStore('pglite', db, () => pgliteWithTrigrams(dataDir ? join(dataDir, 'baseline') : 'memory://'));
  } finally {
    await db.destroy();
  }
}

if (stores.includes('postgres')) {
  if (!process.env.DATABASE_URL) throw new Error('bench: BENCH_STORES names postgres but DATABASE_URL is not set');
  // A kept database is named by its size and never dropped; a fresh one is dropped at the end.
  const name = reuse ? `svod_bench_${size}` : `svod_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const present = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
  if (!present) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  try {
    await benchStore('postgres', db, async () => openDatabase({ databaseUrl: url.toString(), dataDir: '' }));
  } finally {
    await db.destroy();
    if (!reuse) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else if (!process.env.DATABASE_URL) {
  process.stderr.write('bench: DATABASE_URL not set, PostgreSQL server figures skipped\n');
}

emit('memory.peak_rss', process.resourceUsage().maxRSS / 1024, 'MiB', 'process');
