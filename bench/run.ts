/**
 * `npm run bench`: the speed figures of what exists, one JSON line per figure
 * ({ name, value, unit, size, store }). Sizes: BENCH_SIZE records (default 20000).
 * Runs on embedded PGlite, and on the PostgreSQL server too when DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
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

async function benchChecks(store: string, db: Db, lines: string[]) {
  const truthOf = new Map(lines.map((l) => JSON.parse(l) as GeneratedRecord).map((r) => [`${r.owner}/${r.nationalRef}`, r.truth]));
  const ctx = { db, actor: { ...SYSTEM_ACTOR, participant: 'BKBOP', role: 'analyst' as const }, purpose: 'bench' };
  const byKind = new Map<string, { times: number[]; found: number; other: number; otherFound: number }>();
  for (const query of checkQueries(lines)) {
    const t = performance.now();
    const result = await runCheck(ctx, query.input);
    const elapsed = performance.now() - t;
    const entry = byKind.get(query.kind) ?? { times: [], found: 0, other: 0, otherFound: 0 };
    entry.times.push(elapsed);
    const truths = result.candidates.map((c) => truthOf.get(`${c.record.owner}/${c.record.nationalRef}`));
    if (truths.includes(query.truth)) entry.found++;
    // For persons: was another record of the same subject (another state's spelling) found too?
    const others = result.candidates.filter((c) => `${c.record.owner}/${c.record.nationalRef}` !== query.self && truthOf.get(`${c.record.owner}/${c.record.nationalRef}`) === query.truth);
    if (query.kind === 'person') {
      entry.other++;
      if (others.length > 0) entry.otherFound++;
    }
    byKind.set(query.kind, entry);
  }
  for (const [kind, entry] of byKind) {
    const sorted = [...entry.times].sort((a, b) => a - b);
    const total = sorted.reduce((a, b) => a + b, 0) / 1000;
    emit(`check.${kind}.p50`, percentile(sorted, 50), 'ms', store);
    emit(`check.${kind}.p95`, percentile(sorted, 95), 'ms', store);
    emit(`check.${kind}.p99`, percentile(sorted, 99), 'ms', store);
    emit(`check.${kind}.throughput`, sorted.length / total, 'checks/s', store);
    emit(`check.${kind}.found`, entry.found / sorted.length, 'share', store);
    if (kind === 'person') emit('check.person.found_other_record', entry.otherFound / Math.max(1, entry.other), 'share', store);
  }
}

await benchStore('pglite', openDatabase({ dataDir: 'memory://' }));

if (process.env.DATABASE_URL) {
  const name = `svod_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const db = openDatabase({ databaseUrl: url.toString(), dataDir: '' });
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
